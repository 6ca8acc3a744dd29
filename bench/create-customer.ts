/**
 * npm run bench: Create Customer under load, beside a bare baseline (bench/baseline-server.ts).
 * Both servers run as their own processes on this machine, on fresh databases; autocannon drives
 * each at 1, 8 and 32 connections for BENCH_SECONDS (default 10) with a unique
 * partner_customer_id and Idempotency-Key per request, so every request does all the real work.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCIES = [1, 8, 32];
const HASH_SECRET = "bench-hash-secret-0123456789abcdef0123456789";
const root = path.resolve(import.meta.dirname, "..");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-bench-"));

interface Measurement {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

function migrate(databaseFile: string): void {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    stdio: "ignore",
  });
}

function startServer(args: string[], env: Record<string, string>): ChildProcess {
  return spawn("npx", ["tsx", "--tsconfig", "tsconfig.server.json", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

function stopServer(server: ChildProcess): void {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}

async function waitUntilAnswering(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not answer`);
}

let sequence = 0;

async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<Measurement> {
  const template = JSON.stringify(exampleCustomerRequest("bench-customer-PLACEHOLDER"));
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    requests: [
      {
        setupRequest: (request) => {
          sequence += 1;
          const unique = `${process.pid}-${sequence}`.padStart(12, "0");
          return {
            ...request,
            body: template.replace("PLACEHOLDER", unique),
            headers: { ...request.headers, "Idempotency-Key": `bench-${unique}` },
          };
        },
      },
    ],
  });
  return {
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function measure(name: string, url: string, headers: Record<string, string>): Promise<Measurement[]> {
  await load(url, headers, 8, 3); // warm-up: JIT, caches, SQLite pages
  const results: Measurement[] = [];
  for (const connections of CONCURRENCIES) {
    const measurement = await load(url, headers, connections, SECONDS);
    results.push(measurement);
    console.log(
      `${name.padEnd(9)} c=${String(connections).padStart(2)}  ${measurement.requestsPerSecond.toFixed(0).padStart(5)} req/s  p50 ${measurement.p50} ms  p99 ${measurement.p99} ms  (${measurement.ok} ok, ${measurement.failed} failed)`,
    );
  }
  return results;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("Building the app first (next build)...");
    execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  }
  const appDatabase = path.join(workDir, "app.db");
  const baselineDatabase = path.join(workDir, "baseline.db");
  migrate(appDatabase);
  migrate(baselineDatabase);

  process.env.DATABASE_URL = `file:${appDatabase}`;
  process.env.API_KEY_HASH_SECRET = HASH_SECRET;
  const { createPartner } = await import("@/lib/partners/partners");
  const { db } = await import("@/lib/db");
  const partner = await createPartner("Benchmark Partner");
  await db.$disconnect();
  const baseline = new Database(baselineDatabase);
  baseline.prepare(`INSERT INTO "Partner" ("id", "name") VALUES ('ptn_bench', 'Benchmark Partner')`).run();
  baseline.close();

  console.log(
    `Create Customer, ${SECONDS} s per run, ${os.cpus().length} cores, load generator on the same machine.\n`,
  );
  const app = startServer(["server/main.ts"], {
    NODE_ENV: "production",
    PORT: "8283",
    DATABASE_URL: `file:${appDatabase}`,
    FILE_STORAGE_DIR: path.join(workDir, "files"),
    API_KEY_HASH_SECRET: HASH_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  let appResults: Measurement[];
  try {
    await waitUntilAnswering("http://127.0.0.1:8283/api/customers/create");
    appResults = await measure("app", "http://127.0.0.1:8283/api/customers/create", {
      "X-API-Key": partner.apiKey.publicKey,
      "X-API-Secret": partner.apiKey.secret,
    });
  } finally {
    stopServer(app);
  }

  const bare = startServer(["bench/baseline-server.ts", baselineDatabase, "8284"], {});
  let baselineResults: Measurement[];
  try {
    await waitUntilAnswering("http://127.0.0.1:8284/");
    baselineResults = await measure("baseline", "http://127.0.0.1:8284/", {});
  } finally {
    stopServer(bare);
  }

  console.log("\nApp throughput as a share of the baseline:");
  appResults.forEach((result, index) => {
    const share = (result.requestsPerSecond / baselineResults[index].requestsPerSecond) * 100;
    console.log(`  c=${String(result.connections).padStart(2)}  ${share.toFixed(1)} %`);
  });
  const at32 = appResults[appResults.length - 1];
  const share32 = at32.requestsPerSecond / baselineResults[baselineResults.length - 1].requestsPerSecond;
  const met = share32 >= 0.15 && at32.p99 < 50;
  console.log(`\nTarget at 32 connections (>= 15 % of baseline, p99 < 50 ms): ${met ? "met" : "NOT met"}`);
  fs.rmSync(workDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
