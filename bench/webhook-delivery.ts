/**
 * npm run bench (last): webhook delivery by 1 and 2 app processes to a local receiver.
 *
 * The app is the real thing (server/main.ts, NODE_ENV=production, WEB_CONCURRENCY app processes,
 * each running its delivery worker) on the embedded PostgreSQL it starts in a fresh DATA_DIR,
 * durable. The receiver is a node:http server on 127.0.0.1 answering 200 at once, so what is
 * measured is the app's side: claim, sign, POST, record. WEBHOOKS_ALLOW_PRIVATE=true lets the
 * endpoint be that loopback receiver.
 *
 * Two figures per process count:
 * - throughput: events/s delivered from a backlog. Customers are created first (their
 *   customer.created events then have no endpoint); the endpoint is registered; one delivery per
 *   event is then written in one statement (as the trigger would have) and the workers notified;
 *   the clock runs from that commit to the last delivery recorded as delivered.
 * - latency: commit to delivery under a steady create load (BENCH_CREATORS concurrent creators for
 *   BENCH_SECONDS): for each event, the receiver's arrival time minus the Event row's createdAt
 *   (written in the create's transaction, so at most the commit's own duration before it). p50,
 *   p99 and max.
 *
 * BENCH_BACKLOG events (default 3000, or 500 with BENCH_QUICK=1), BENCH_SECONDS (default 10, or 3
 * with BENCH_QUICK=1). Reported, never judged: the exit code does not depend on the figures.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { exampleCustomerRequest, type ExampleFileIds } from "@/tests/fixtures/customer-request";

const QUICK = process.env.BENCH_QUICK === "1";
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 10));
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? (QUICK ? 500 : 3000));
const CREATORS = Number(process.env.BENCH_CREATORS ?? 8);
const PROCESSES = (process.env.BENCH_PROCESSES ?? "1,2").split(",").map(Number);
const START_TIMEOUT_MS = 180_000;
const DRAIN_TIMEOUT_MS = 300_000;

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-bench-webhooks-"));
const SAMPLE_PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

const running = new Set<ChildProcess>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/** The receiver: 200 at once, the arrival time of each event id (the first arrival). */
async function startReceiver() {
  const arrivals = new Map<string, number>();
  let requests = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const at = Date.now();
      requests += 1;
      const id = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id: string }).id;
      if (!arrivals.has(id)) arrivals.set(id, at);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`,
    arrivals,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface App {
  base: string;
  headers: Record<string, string>;
  files: ExampleFileIds;
  databaseUrl: string;
  stop(): Promise<void>;
}

async function startApp(processes: number): Promise<App> {
  const dataDir = path.join(workDir, `app-${processes}`);
  const logFile = path.join(workDir, `app-${processes}.log`);
  const port = await freePort();
  const publicKey = `pk_bench_${crypto.randomBytes(16).toString("hex")}`;
  const secret = `sk_bench_${crypto.randomBytes(32).toString("base64url")}`;
  const log = fs.openSync(logFile, "a");
  const server = spawn(tsx, ["--tsconfig", "tsconfig.server.json", "server/main.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      WEB_CONCURRENCY: String(processes),
      DEMO_API_KEY: publicKey,
      DEMO_API_SECRET: secret,
      API_RATE_LIMIT_PER_SECOND: "1000000",
      API_RATE_LIMIT_BURST: "1000000",
      WEBHOOKS_ALLOW_PRIVATE: "true",
      LOG_REQUESTS: "false",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  fs.closeSync(log);
  running.add(server);
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.once("exit", () => running.delete(server));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null && server.pid) {
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
  };
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      const text = fs.readFileSync(logFile, "utf8");
      if ((text.match(/"event":"listening"/g) ?? []).length >= processes) break;
      if (server.exitCode !== null || Date.now() > deadline)
        throw new Error(`The app did not start:\n${text.slice(-2000)}`);
      await sleep(200);
    }
    const base = `http://127.0.0.1:${port}`;
    const headers = { "X-API-Key": publicKey, "X-API-Secret": secret };
    const upload = async (fileName: string) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(SAMPLE_PDF)], { type: "application/pdf" }), fileName);
      const response = await fetch(`${base}/api/files/upload`, { method: "POST", headers, body: form });
      if (response.status !== 200) throw new Error(`an upload answered ${response.status}`);
      return ((await response.json()) as { file_id: string }).file_id;
    };
    const files: ExampleFileIds = {
      documentIds: [await upload("registration.pdf")],
      idFrontFileId: await upload("id-front.pdf"),
      idBackFileId: await upload("id-back.pdf"),
    };
    // The app's own cluster, joined (not started, not stopped).
    const postgres = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres") });
    return { base, headers, files, databaseUrl: postgres.urlFor("axisfi"), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

let customerCount = 0;

async function createCustomer(app: App): Promise<void> {
  customerCount += 1;
  const reference = `bench-webhooks-${process.pid}-${String(customerCount).padStart(8, "0")}`;
  const response = await fetch(`${app.base}/api/customers/create`, {
    method: "POST",
    headers: { ...app.headers, "Content-Type": "application/json" },
    body: JSON.stringify(exampleCustomerRequest(reference, app.files)),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`a create answered ${response.status}`);
}

/** `count` creates, `concurrency` at a time. */
async function createCustomers(app: App, count: number, concurrency: number): Promise<void> {
  let left = count;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left -= 1;
        await createCustomer(app);
      }
    }),
  );
}

async function registerEndpoint(app: App, url: string): Promise<string> {
  const response = await fetch(`${app.base}/api/webhook_endpoints`, {
    method: "POST",
    headers: { ...app.headers, "Content-Type": "application/json" },
    body: JSON.stringify({ url, event_types: EVENT_TYPES }),
  });
  if (response.status !== 200) throw new Error(`registering the endpoint answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

async function waitForDelivered(client: pg.Client, endpointId: string, count: number): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const { rows } = await client.query<{ delivered: number }>(
      `SELECT count(*)::int AS delivered FROM "WebhookDelivery" WHERE "endpointId" = $1 AND "status" = 'delivered'`,
      [endpointId],
    );
    if (rows[0].delivered >= count) return;
    if (Date.now() > deadline) throw new Error(`Only ${rows[0].delivered} of ${count} delivered in time.`);
    await sleep(20);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Figures {
  processes: number;
  backlog: number;
  eventsPerSecond: number;
  latencyEvents: number;
  p50: number;
  p99: number;
  max: number;
}

async function measure(processes: number): Promise<Figures> {
  const app = await startApp(processes);
  const receiver = await startReceiver();
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    // Throughput from a backlog.
    await createCustomers(app, BACKLOG, 16);
    const endpointId = await registerEndpoint(app, receiver.url);
    const started = Date.now();
    const { rowCount } = await client.query(
      `WITH backlog AS (
         INSERT INTO "WebhookDelivery" ("endpointId", "eventId", "eventType", "customerId")
         SELECT $1, "id", "type", "customerId" FROM "Event" ORDER BY "createdAt", "id" RETURNING 1)
       SELECT pg_notify('webhook_delivery', '') FROM (SELECT count(*) FROM backlog) b`,
      [endpointId],
    );
    if (rowCount !== 1) throw new Error("the backlog was not written");
    const backlog = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Event"`)).rows[0].n;
    await waitForDelivered(client, endpointId, backlog);
    const eventsPerSecond = backlog / ((Date.now() - started) / 1000);

    // Commit to delivery under a steady create load.
    const since = new Date();
    let creating = true;
    const creators = Array.from({ length: CREATORS }, async () => {
      while (creating) await createCustomer(app);
    });
    await sleep(SECONDS * 1000);
    creating = false;
    await Promise.all(creators);
    const { rows } = await client.query<{ id: string; createdAt: Date }>(
      `SELECT "id", "createdAt" FROM "Event" WHERE "createdAt" >= $1`,
      [since],
    );
    await waitForDelivered(client, endpointId, backlog + rows.length);
    const delays = rows
      .map((row) => (receiver.arrivals.get(row.id) ?? NaN) - row.createdAt.getTime())
      .filter((delay) => Number.isFinite(delay))
      .sort((a, b) => a - b);
    return {
      processes,
      backlog,
      eventsPerSecond,
      latencyEvents: delays.length,
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      max: delays.at(-1) ?? NaN,
    };
  } finally {
    await client.end();
    await receiver.close();
    await app.stop();
  }
}

async function main(): Promise<void> {
  console.log(
    `Webhook delivery to a local receiver (backlog ${BACKLOG} events; latency under ${CREATORS} creators for ${SECONDS} s)`,
  );
  console.log("| processes | backlog events/s | latency events | p50 ms | p99 ms | max ms |");
  console.log("|---|---|---|---|---|---|");
  for (const processes of PROCESSES) {
    const f = await measure(processes);
    console.log(
      `| ${f.processes} | ${f.eventsPerSecond.toFixed(0)} | ${f.latencyEvents} | ${f.p50.toFixed(0)} | ${f.p99.toFixed(0)} | ${f.max.toFixed(0)} |`,
    );
  }
  fs.rmSync(workDir, { recursive: true, force: true });
}

const stopAll = () => {
  for (const child of running) if (child.pid) process.kill(-child.pid, "SIGTERM");
};
process.once("SIGINT", () => {
  stopAll();
  process.exit(130);
});

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll();
  process.exitCode = 1;
});
