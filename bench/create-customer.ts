/**
 * npm run bench (1/3): Create Customer under load, the app beside a bare baseline
 * (bench/baseline-server.ts), at 1, 8, 32 and 64 connections, with 1 and 2 processes each.
 *
 * The app is the real thing: server/main.ts as `npm run serve` starts it (NODE_ENV=production,
 * WEB_CONCURRENCY app processes), on the embedded PostgreSQL it starts itself in a fresh DATA_DIR
 * with its default durability (fsync and synchronous_commit on). The baseline runs on its own
 * embedded PostgreSQL cluster, started the same way with the same durability, on a fresh migrated
 * database for each process count, as the app gets a fresh DATA_DIR.
 *
 * Every request has its own partner_customer_id and Idempotency-Key, so each one does all the
 * work, and refers to three uploaded files (a company document, an ID's front and back): through
 * the app's upload endpoint for the app, as File rows for the baseline. Both servers' output
 * (the app's request log line included, as in production) goes to a file in the temporary folder.
 *
 * BENCH_SECONDS (default 10, or 3 with BENCH_QUICK=1) per run. Timing is reported, never judged:
 * the target line says whether it was met and the exit code does not depend on it.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrations";
import { exampleCustomerRequest, type ExampleFileIds } from "@/tests/fixtures/customer-request";

const QUICK = process.env.BENCH_QUICK === "1";
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 10));
const WARM_UP_SECONDS = QUICK ? 1 : 3;
const CONNECTIONS = [1, 8, 32, 64];
const PROCESSES = [1, 2];
/** The connection count the target is stated at. */
const TARGET_CONNECTIONS = 32;
const TARGET_SHARE = 0.7;
const TARGET_P99_RATIO = 1.5;
/** A cold `next start` on two busy cores takes a while to prepare. */
const START_TIMEOUT_MS = 180_000;

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-bench-"));

// The smallest file the upload accepts (its type is judged by its bytes).
const SAMPLE_PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  /** Customers written per transaction (group commit), counted from the rows' xmin afterwards. */
  customersPerCommit?: number;
  /** CPU time per answered request: the server's Node processes, and its PostgreSQL's. */
  cpu?: { node: number; postgres: number };
}

type Results = Map<number, Measurement>;

// Everything started here, so that an interrupted run stops it too.
const running = new Set<ChildProcess>();
let baselinePostgres: RunningPostgres | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function spawnServer(script: string, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, "a");
  // Its own process group, so that one signal reaches the server and every process it forked.
  const child = spawn(tsx, ["--tsconfig", "tsconfig.server.json", script], {
    cwd: root,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  fs.closeSync(log);
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "";
  }
}

/** Waits until `ready(log)` holds, failing if the server exits or takes too long. */
async function waitForLog(child: ChildProcess, logFile: string, ready: (log: string) => boolean): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited while starting:\n${tail(logFile)}`);
    }
    if (ready(fs.readFileSync(logFile, "utf8"))) return;
    await sleep(200);
  }
  throw new Error(`The server did not start within ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
}

let sequence = 0;

/** A body and headers per request, each with its own partner_customer_id and Idempotency-Key. */
async function load(
  url: string,
  headers: Record<string, string>,
  files: ExampleFileIds,
  tag: string,
  connections: number,
  seconds: number,
): Promise<Measurement> {
  const template = JSON.stringify(exampleCustomerRequest(`bench-${tag}-PLACEHOLDER`, files));
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
          const unique = String(sequence).padStart(10, "0");
          return {
            ...request,
            body: template.replace("PLACEHOLDER", unique),
            headers: { ...request.headers, "Idempotency-Key": `bench-${tag}-${unique}` },
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** Customers per transaction for the rows a run wrote (all rows one transaction inserted share its xmin). */
async function customersPerCommit(databaseUrl: string, tag: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ customers: string; transactions: string }>(
      `SELECT count(*) AS customers, count(DISTINCT xmin::text) AS transactions FROM "Customer" WHERE "partnerCustomerId" LIKE $1`,
      [`bench-${tag}-%`],
    );
    const transactions = Number(rows[0].transactions);
    return transactions > 0 ? Number(rows[0].customers) / transactions : undefined;
  } finally {
    await client.end();
  }
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (ms) used so far by the server's process group (the Node processes) and by its
 * PostgreSQL (the postmaster and its children: backends, WAL writer, checkpointer), from /proc.
 * Per request, this is what a run cost each side whatever else the machine was doing, which is
 * what req/s on a shared machine cannot tell. Undefined where there is no /proc.
 */
function cpuUsed(serverGroup: number, postgresDir: string): { node: number; postgres: number } | undefined {
  if (!fs.existsSync("/proc/self/stat")) return undefined;
  let postmaster = 0;
  try {
    postmaster = Number(fs.readFileSync(path.join(postgresDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
  const used = { node: 0, postgres: 0 };
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // After the command name (in parentheses, which may hold spaces): state, ppid, pgrp, …
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [ppid, pgrp, utime, stime] = [fields[1], fields[2], fields[11], fields[12]].map(Number);
    const ms = ((utime + stime) / CLOCK_TICKS_PER_SECOND) * 1000;
    if (pgrp === serverGroup) used.node += ms;
    else if (Number(entry) === postmaster || ppid === postmaster) used.postgres += ms;
  }
  return used;
}

function describe(name: string, processes: number, connections: number, m: Measurement): string {
  const perCommit = m.customersPerCommit === undefined ? "" : `, ${m.customersPerCommit.toFixed(1)} customers/commit`;
  const cpu = m.cpu
    ? `, CPU/request: Node ${m.cpu.node.toFixed(2)} ms, PostgreSQL ${m.cpu.postgres.toFixed(2)} ms`
    : "";
  return `${name.padEnd(8)} ${processes} proc c=${String(connections).padStart(2)}  ${m.requestsPerSecond.toFixed(0).padStart(5)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  (${m.ok} ok, ${m.failed} failed${perCommit}${cpu})`;
}

/** A server under test, started and holding its partner's files. */
interface Target {
  name: "app" | "baseline";
  processes: number;
  url: string;
  headers: Record<string, string>;
  files: ExampleFileIds;
  /** Its database, to count its transactions. */
  databaseUrl: string;
  /** The server's process group, and its PostgreSQL's folder, to measure their CPU time. */
  serverGroup: number;
  postgresDir: string;
  stop(): Promise<void>;
}

/** One create, to fail early and loudly if the target refuses the request. */
async function probe(target: Target): Promise<void> {
  const tag = `${target.name}-p${target.processes}-probe`;
  const response = await fetch(target.url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": `bench-${tag}`, ...target.headers },
    body: JSON.stringify(exampleCustomerRequest(`bench-${tag}-0000000000`, target.files)),
  });
  if (response.status !== 200) {
    throw new Error(`${target.name}: a create answered ${response.status}: ${await response.text()}`);
  }
}

async function run(target: Target, connections: number, seconds: number, label: string): Promise<Measurement> {
  const tag = `${target.name}-p${target.processes}-${label}`;
  const before = cpuUsed(target.serverGroup, target.postgresDir);
  const measurement = await load(target.url, target.headers, target.files, tag, connections, seconds);
  const after = cpuUsed(target.serverGroup, target.postgresDir);
  if (before && after && measurement.ok > 0) {
    measurement.cpu = {
      node: (after.node - before.node) / measurement.ok,
      postgres: (after.postgres - before.postgres) / measurement.ok,
    };
  }
  measurement.customersPerCommit = await customersPerCommit(target.databaseUrl, tag);
  return measurement;
}

async function startApp(processes: number): Promise<Target> {
  const dataDir = path.join(workDir, `app-${processes}`);
  const logFile = path.join(workDir, `app-${processes}.log`);
  const postgresDir = path.join(dataDir, "postgres");
  const port = await freePort();
  // The demo partner's key pair is the only partner the new database gets; these values are this
  // run's own, random, and never printed.
  const publicKey = `pk_bench_${crypto.randomBytes(16).toString("hex")}`;
  const secret = `sk_bench_${crypto.randomBytes(32).toString("base64url")}`;
  const server = spawnServer(
    "server/main.ts",
    {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      // Unset: the app starts its own embedded PostgreSQL under DATA_DIR/postgres (durable).
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      WEB_CONCURRENCY: String(processes),
      DEMO_API_KEY: publicKey,
      DEMO_API_SECRET: secret,
      // The benchmark pays for the rate limit's statement on every request, but is never refused.
      API_RATE_LIMIT_PER_SECOND: "1000000",
      API_RATE_LIMIT_BURST: "1000000",
      FILE_STORAGE: "local",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    logFile,
  );
  const stop = async () => {
    await stopServer(server);
    await waitForPostgresToStop(postgresDir);
  };
  try {
    await waitForLog(server, logFile, (log) => (log.match(/"event":"listening"/g) ?? []).length >= processes);
    const base = `http://127.0.0.1:${port}`;
    const headers = { "X-API-Key": publicKey, "X-API-Secret": secret };
    const upload = async (fileName: string) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(SAMPLE_PDF)], { type: "application/pdf" }), fileName);
      const response = await fetch(`${base}/api/files/upload`, { method: "POST", headers, body: form });
      if (response.status !== 200) throw new Error(`app: an upload answered ${response.status}`);
      return ((await response.json()) as { file_id: string }).file_id;
    };
    const files: ExampleFileIds = {
      documentIds: [await upload("registration.pdf")],
      idFrontFileId: await upload("id-front.pdf"),
      idBackFileId: await upload("id-back.pdf"),
    };
    // The app's own cluster, joined (not started, not stopped) to count its transactions; "axisfi"
    // is the database lib/database/open-database.ts keeps the portal in.
    const appPostgres = await startEmbeddedPostgres({ dir: postgresDir });
    const databaseUrl = appPostgres.urlFor("axisfi");
    return {
      name: "app",
      processes,
      url: `${base}/api/customers/create`,
      headers,
      files,
      databaseUrl,
      serverGroup: server.pid ?? 0,
      postgresDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The app's primary stops its PostgreSQL as it exits; should it not have, it is stopped here. */
async function waitForPostgresToStop(postgresDir: string): Promise<void> {
  const pidFile = path.join(postgresDir, "postmaster.pid");
  for (let waited = 0; waited < 60_000 && fs.existsSync(pidFile); waited += 200) await sleep(200);
  if (!fs.existsSync(pidFile)) return;
  console.error("The app left its PostgreSQL running; stopping it.");
  await (await startEmbeddedPostgres({ dir: postgresDir, owner: true })).stop();
}

async function startBaseline(processes: number): Promise<Target> {
  baselinePostgres ??= await startEmbeddedPostgres({
    dir: path.join(workDir, "baseline-postgres"),
    durability: "durable",
    owner: true,
  });
  const database = `baseline_${processes}`;
  await ensureDatabase(baselinePostgres, database);
  const databaseUrl = baselinePostgres.urlFor(database);
  await applyMigrations(databaseUrl);
  const partnerId = "ptn_bench";
  const fileIds = Array.from({ length: 3 }, () => `file_${crypto.randomUUID().replaceAll("-", "")}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Partner" ("id", "name") VALUES ($1, 'Benchmark Partner')`, [partnerId]);
    for (const fileId of fileIds) {
      await client.query(
        `INSERT INTO "File" ("id", "partnerId", "fileName", "contentType", "size", "sha256", "storageKey")
         VALUES ($1, $2, 'document.pdf', 'application/pdf', $3, $4, $1)`,
        [fileId, partnerId, SAMPLE_PDF.length, crypto.createHash("sha256").update(SAMPLE_PDF).digest("hex")],
      );
    }
  } finally {
    await client.end();
  }

  const logFile = path.join(workDir, `baseline-${processes}.log`);
  const port = await freePort();
  const server = spawnServer(
    "bench/baseline-server.ts",
    {
      ...process.env,
      BASELINE_DATABASE_URL: databaseUrl,
      BASELINE_PORT: String(port),
      BASELINE_WORKERS: String(processes),
    },
    logFile,
  );
  const stop = () => stopServer(server);
  try {
    await waitForLog(server, logFile, (log) => log.includes("ready"));
  } catch (error) {
    await stop();
    throw error;
  }
  const files: ExampleFileIds = { documentIds: [fileIds[0]], idFrontFileId: fileIds[1], idBackFileId: fileIds[2] };
  return {
    name: "baseline",
    processes,
    url: `http://127.0.0.1:${port}/`,
    headers: {},
    files,
    databaseUrl,
    serverGroup: server.pid ?? 0,
    postgresDir: path.join(workDir, "baseline-postgres"),
    stop,
  };
}

/**
 * Both servers of one process count run side by side and are measured in turn at each connection
 * count, so that a machine whose load changes during the benchmark changes both sides alike. (On
 * a busy machine, the app's four runs followed by the baseline's put the app at 7 % of the
 * baseline at one connection and 106 % at 32 in the same run.)
 */
async function measure(processes: number): Promise<{ app: Results; baseline: Results }> {
  const targets: Target[] = [];
  try {
    targets.push(await startApp(processes));
    targets.push(await startBaseline(processes));
    const results = { app: new Map(), baseline: new Map() } as { app: Results; baseline: Results };
    for (const target of targets) {
      await probe(target);
      // Warm-up: JIT, connection pools, PostgreSQL's caches.
      await run(target, 8, WARM_UP_SECONDS, "warm");
    }
    for (const connections of CONNECTIONS) {
      for (const target of targets) {
        const measurement = await run(target, connections, SECONDS, `c${connections}`);
        results[target.name].set(connections, measurement);
        console.log(describe(target.name, processes, connections, measurement));
      }
    }
    return results;
  } finally {
    for (const target of targets) await target.stop();
  }
}

const cell = (value: string, width: number) => value.padStart(width);
const cpuCell = (m: Measurement) => (m.cpu ? `${m.cpu.node.toFixed(2)}+${m.cpu.postgres.toFixed(2)}` : "-");

function printTable(app: Map<number, Results>, baseline: Map<number, Results>): void {
  console.log(
    `\n${"processes".padStart(9)} ${"conns".padStart(5)} │ ${"app req/s".padStart(9)} ${"p50".padStart(5)} ${"p99".padStart(5)} │ ${"base req/s".padStart(10)} ${"p50".padStart(5)} ${"p99".padStart(5)} │ ${"app/base".padStart(8)} ${"p99 ×".padStart(6)} │ ${"per commit".padStart(10)} │ ${"app CPU".padStart(11)} ${"base CPU".padStart(11)}`,
  );
  for (const processes of PROCESSES) {
    for (const connections of CONNECTIONS) {
      const a = app.get(processes)?.get(connections);
      const b = baseline.get(processes)?.get(connections);
      if (!a || !b) continue;
      const flag = a.failed + b.failed > 0 ? "  (failures: see above)" : "";
      console.log(
        `${cell(String(processes), 9)} ${cell(String(connections), 5)} │ ${cell(a.requestsPerSecond.toFixed(0), 9)} ${cell(String(a.p50), 5)} ${cell(String(a.p99), 5)} │ ${cell(b.requestsPerSecond.toFixed(0), 10)} ${cell(String(b.p50), 5)} ${cell(String(b.p99), 5)} │ ${cell(`${((a.requestsPerSecond / b.requestsPerSecond) * 100).toFixed(0)} %`, 8)} ${cell(`${(a.p99 / b.p99).toFixed(2)}`, 6)} │ ${cell(a.customersPerCommit?.toFixed(1) ?? "-", 10)} │ ${cell(cpuCell(a), 11)} ${cell(cpuCell(b), 11)}${flag}`,
      );
    }
  }
  console.log(
    "(latencies in ms; p99 × = app p99 / baseline p99; per commit = app customers per transaction;\n CPU = ms of CPU per request, Node + PostgreSQL)",
  );
  console.log(
    `\nTarget at ${TARGET_CONNECTIONS} connections, same number of processes: app >= ${TARGET_SHARE * 100} % of the baseline's req/s, p99 <= ${TARGET_P99_RATIO}x the baseline's p99.`,
  );
  for (const processes of PROCESSES) {
    const a = app.get(processes)?.get(TARGET_CONNECTIONS);
    const b = baseline.get(processes)?.get(TARGET_CONNECTIONS);
    if (!a || !b) continue;
    const share = a.requestsPerSecond / b.requestsPerSecond;
    const ratio = a.p99 / b.p99;
    const met = share >= TARGET_SHARE && ratio <= TARGET_P99_RATIO;
    console.log(
      `  ${processes} process${processes === 1 ? "" : "es"}: ${(share * 100).toFixed(0)} %, p99 ${ratio.toFixed(2)}x: ${met ? "met" : "NOT met"}`,
    );
  }
}

async function cleanUp(): Promise<void> {
  await Promise.all([...running].map(stopServer));
  for (const entry of fs.readdirSync(workDir)) {
    if (entry.startsWith("app-") && !entry.endsWith(".log"))
      await waitForPostgresToStop(path.join(workDir, entry, "postgres"));
  }
  await baselinePostgres?.stop();
  baselinePostgres = undefined;
  fs.rmSync(workDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("Building the app first (next build)...");
    execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers and databases.`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  console.log(
    `Create Customer, ${SECONDS} s per run, ${os.cpus().length} cores, load generator (autocannon) on the same machine.\n`,
  );
  const app = new Map<number, Results>();
  const baseline = new Map<number, Results>();
  try {
    for (const processes of PROCESSES) {
      const results = await measure(processes);
      app.set(processes, results.app);
      baseline.set(processes, results.baseline);
    }
  } finally {
    await cleanUp();
  }
  printTable(app, baseline);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
