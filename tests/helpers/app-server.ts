import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { waitUntil } from "./wait";

/**
 * The real server (server/main.ts: a primary that opens the database, migrates, then forks
 * WEB_CONCURRENCY app processes) as a child process, for tests that need more than one app
 * process on one database, or a crash.
 */

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
const BUILD_LOCK = path.join(ROOT, ".next-build.lock");
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

/** One JSON line the server logged (lib/log.ts). */
export interface LogLine {
  event: string;
  pid?: number;
  [field: string]: unknown;
}

export interface AppServer {
  baseUrl: string;
  /** The primary's process id. */
  pid: number;
  /** The app processes that have said they are listening, in order (a restarted one is added). */
  appPids(): number[];
  /** Resolves with the first logged line (already logged, or to come) that `matches`. */
  waitForLog(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** SIGTERM to the primary: the app processes finish, then it stops its embedded PostgreSQL. */
  stop(): Promise<void>;
  /** Resolves when the primary has exited. */
  exited: Promise<void>;
}

/** Whether a process with this id exists (a zombie not yet reaped counts: its id is still taken). */
export function isRunning(pid: number): boolean {
  return fs.existsSync(`/proc/${pid}`);
}

/** The processes whose command line contains `text` (as pgrep -f would find them). */
export function processesMatching(text: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      if (commandLine.includes(text)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The processes whose /proc/<pid>/stat field after the command name (0: state, 1: parent, 2: group) is `value`. */
function processesWith(field: number, value: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[field]) === value) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The children of a process. */
export const childrenOf = (pid: number) => processesWith(1, pid);

/** The processes of a process group (a server started here leads its own). */
export const processGroup = (groupId: number) => processesWith(2, groupId);

/**
 * The app processes serve Next's production build (`next build`), which scripts/test.sh makes
 * before these tests; run alone, the first test that needs one makes it. The partner API these
 * tests call is served from the sources (tsx), not from the build, so an older build does.
 */
export async function ensureNextBuild(): Promise<void> {
  while (!fs.existsSync(BUILD_ID)) {
    if (takeBuildLock()) {
      try {
        build();
      } finally {
        fs.rmSync(BUILD_LOCK, { force: true });
      }
      return;
    }
    const holder = Number(fs.existsSync(BUILD_LOCK) && fs.readFileSync(BUILD_LOCK, "utf8"));
    await waitUntil(() => fs.existsSync(BUILD_ID) || !isRunning(holder), "the build is done", 300_000);
    // Its holder died half-way: the lock is taken over.
    if (!fs.existsSync(BUILD_ID)) fs.rmSync(BUILD_LOCK, { force: true });
  }
}

/** One build at a time: the lock names its holder's process, written whole before it appears. */
function takeBuildLock(): boolean {
  const claim = `${BUILD_LOCK}.${process.pid}`;
  fs.writeFileSync(claim, String(process.pid));
  try {
    fs.linkSync(claim, BUILD_LOCK);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(claim, { force: true });
  }
}

function build(): void {
  try {
    execFileSync("npx", ["next", "build"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`next build failed: ${`${stdout}\n${stderr}`.trim().slice(-2000)}`);
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts server/main.ts and resolves once `appProcesses` app processes are listening.
 * `databaseUrl` "" runs its own embedded PostgreSQL under `dataDir`/postgres.
 */
export async function startAppServer(options: {
  databaseUrl: string;
  dataDir: string;
  appProcesses: number;
  env?: Record<string, string>;
}): Promise<AppServer> {
  await ensureNextBuild();
  const port = await freePort();
  // Node itself with tsx's loader (as `npm run serve` runs it, without the tsx command's own
  // process in front): the child is the primary, and the app processes it forks are its children.
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    // Its own process group, so that a test that fails half-way can still end all of it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "tsconfig.server.json",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      WEB_CONCURRENCY: String(options.appProcesses),
      LOG_REQUESTS: "false",
      SEED_DEMO: "false",
      NEXT_TELEMETRY_DISABLED: "1",
      // Load and crash tests send hundreds of requests a second with one key; the rate limit has
      // its own tests (tests/rate-limits.test.ts).
      API_RATE_LIMIT_PER_SECOND: "1000000",
      API_RATE_LIMIT_BURST: "1000000",
      ...options.env,
    },
  });
  const pid = child.pid!;
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = "";
  let partial = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const text = partial + chunk;
    const complete = text.split("\n");
    partial = complete.pop() ?? "";
    for (const line of complete) {
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        lines.push({ event: "text", text: line });
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      hasExited = true;
      for (const wake of waiters) wake();
      resolve();
    }),
  );

  const waitForLog = (matches: (line: LogLine) => boolean, timeoutMs = START_TIMEOUT_MS) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = lines.find(matches);
        if (found) return finish(() => resolve(found));
        if (hasExited) return finish(() => reject(new Error(`The server exited. ${describe()}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`Timed out. ${describe()}`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });
  const describe = () =>
    `Events: ${lines.map((line) => line.event).join(", ")}. Standard error: ${stderr.trim().slice(-1000)}`;
  const appPids = () =>
    lines.filter((line) => line.event === "listening" && typeof line.pid === "number").map((line) => line.pid!);

  const server: AppServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    pid,
    appPids,
    waitForLog,
    exited,
    stop: async () => {
      if (!hasExited) {
        process.kill(pid, "SIGTERM");
        const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS));
        if ((await Promise.race([exited, timeout])) === "timeout") {
          process.kill(-pid, "SIGKILL");
          throw new Error(`The server did not stop within ${STOP_TIMEOUT_MS} ms. ${describe()}`);
        }
      }
      // App processes left by a primary that was killed: the rest of its process group.
      if (processGroup(pid).length > 0) process.kill(-pid, "SIGKILL");
    },
  };
  try {
    await waitUntil(
      () => appPids().length >= options.appProcesses || hasExited,
      "the app processes listen",
      START_TIMEOUT_MS,
    );
    if (hasExited) throw new Error(`The server exited while starting. ${describe()}`);
  } catch (error) {
    if (!hasExited) process.kill(-pid, "SIGKILL");
    throw error;
  }
  return server;
}
