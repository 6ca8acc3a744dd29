import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "@/tests/helpers/wait";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

// Throwaway clusters of their own, in a temp folder: one created by initdb (the slow part, ~2 s),
// the others copies of it (cp -a keeps the postgres account's ownership), each started and stopped
// by its test. Whatever a failing test leaves running is stopped in afterAll.
let root: string;
let pristine: string;
/** The lock files as the pristine cluster's running server wrote them: its folder's and its socket's. */
const lockFileTemplates = new Map<string, string>();
const LOCK_FILES = ["postmaster.pid", ".s.PGSQL.5432.lock"];
const clusters: string[] = [];

function cluster(name: string): string {
  const dir = path.join(root, name, "postgres");
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  execFileSync("cp", ["-a", pristine, dir]);
  clusters.push(dir);
  return dir;
}

function start(dir: string, options: { owner?: boolean; durability?: "durable" | "fast" } = {}) {
  if (!clusters.includes(dir)) clusters.push(dir);
  return startEmbeddedPostgres({ dir, durability: "fast", ...options });
}

async function query<T extends pg.QueryResultRow>(server: RunningPostgres, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.urlFor("postgres") });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(dir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
}

/** The server running in `dir`, if any: `postgres -D <dir> …`. */
function runningPostmaster(dir: string): number | undefined {
  const pid = postmasterPid(dir);
  try {
    return pid && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`\0-D\0${dir}\0`) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process exists and is not a zombie (a dead process its parent has not reaped yet). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function waitUntilGone(pids: number[]): Promise<void> {
  await waitUntil(
    () => !pids.some(alive),
    `processes ${pids.join(", ")} are gone`,
    10_000,
    () => `${pids.filter(alive).join(", ")} still running`,
  );
}

/** The lock files naming `pid`, as a server killed without a chance to remove them leaves them. */
function writeStaleLockFiles(dir: string, pid: number): void {
  for (const [file, template] of lockFileTemplates) {
    const lines = template.replaceAll(pristine, dir).split("\n");
    lines[0] = String(pid);
    fs.writeFileSync(path.join(dir, file), lines.join("\n"));
  }
}

async function expectStopped(server: RunningPostgres, dir: string): Promise<void> {
  expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  await expect(query(server, "SELECT 1")).rejects.toThrow(/ENOENT|ECONNREFUSED/);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-pg-"));
  pristine = path.join(root, "pristine", "postgres");
  clusters.push(pristine);
  const server = await start(pristine);
  for (const file of LOCK_FILES) lockFileTemplates.set(file, fs.readFileSync(path.join(pristine, file), "utf8"));
  await server.stop();
}, 60_000);

afterAll(async () => {
  const left = clusters.map(runningPostmaster).filter((pid): pid is number => pid !== undefined);
  for (const pid of left) process.kill(pid, "SIGINT"); // PostgreSQL's fast shutdown
  await waitUntilGone(left);
  fs.rmSync(root, { recursive: true, force: true });
  expect(left, "clusters left running by a test").toEqual([]);
});

describe("the embedded PostgreSQL", () => {
  it("starts, answers, and stops", async () => {
    const dir = cluster("basic");
    const server = await start(dir);
    expect(await query(server, "SHOW fsync")).toEqual([{ fsync: "off" }]);
    expect(fs.existsSync(path.join(dir, ".s.PGSQL.5432"))).toBe(true);
    await server.stop();
    await expectStopped(server, dir);
  });

  it("keeps its folder to itself: mode 0700, owned by the postgres account when run as root", async () => {
    const check = (dir: string) => {
      const stat = fs.statSync(dir);
      expect(stat.mode & 0o777).toBe(0o700);
      if (process.getuid?.() === 0) {
        expect(stat.uid).toBe(Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })));
      } else {
        expect(stat.uid).toBe(process.getuid?.());
      }
    };
    check(pristine); // as initdb left it
    const dir = cluster("loosened");
    fs.chmodSync(dir, 0o755);
    if (process.getuid?.() === 0) fs.chownSync(dir, 0, 0);
    const server = await start(dir);
    try {
      check(dir); // put back by the start
    } finally {
      await server.stop();
    }
  });

  it("joins the server already running in its folder; the joiner's stop leaves it running", async () => {
    const dir = cluster("joined");
    const first = await start(dir);
    try {
      const pid = postmasterPid(dir);
      const joiner = await start(dir);
      expect(postmasterPid(dir)).toBe(pid);
      expect(await query(joiner, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      await joiner.stop();
      expect(await query(first, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      // The app joining a server its crashed predecessor left running owns it: its stop stops it.
      const owner = await start(dir, { owner: true });
      await owner.stop();
      await expectStopped(owner, dir);
    } finally {
      await first.stop();
    }
  });

  describe("starts despite the lock files of a server that is gone (postmaster.pid and the socket's)", () => {
    async function startsDespite(dir: string, pid: number): Promise<void> {
      writeStaleLockFiles(dir, pid);
      const server = await start(dir);
      try {
        expect(postmasterPid(dir)).not.toBe(pid);
        expect(await query(server, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      } finally {
        await server.stop();
      }
    }

    /** A process living until the test ends, run as `account`. */
    async function withProcess<T>(
      args: string[],
      account: { uid: number; gid: number } | undefined,
      work: (pid: number) => Promise<T>,
    ) {
      const child = spawn(args[0], args.slice(1), { stdio: "ignore", ...account });
      try {
        await new Promise((resolve, reject) => child.on("spawn", resolve).on("error", reject));
        return await work(child.pid!);
      } finally {
        child.kill();
      }
    }
    const postgresAccount = () =>
      process.getuid?.() === 0
        ? {
            uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
            gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
          }
        : undefined;

    it("naming a dead process", async () => {
      const exited = spawn("true");
      await new Promise((resolve) => exited.on("exit", resolve));
      await startsDespite(cluster("stale-dead"), exited.pid!);
    });

    it("naming a live process that is not PostgreSQL: this test's (after a reboot, the PID went to another program)", async () => {
      await startsDespite(cluster("stale-live"), process.pid);
    });

    it("naming a live process that is not PostgreSQL, of the account PostgreSQL runs as", async () => {
      await withProcess(["sleep", "60"], postgresAccount(), (pid) => startsDespite(cluster("stale-live-account"), pid));
    });

    it("naming a live process whose command line mentions the folder (tail -f <folder>/server.log)", async () => {
      const dir = cluster("stale-mention");
      await withProcess(["tail", "-f", path.join(dir, "server.log")], postgresAccount(), (pid) =>
        startsDespite(dir, pid),
      );
    }, 10_000);
  });

  it("comes back after its server was killed (SIGKILL) with the data committed before", async () => {
    const dir = cluster("killed");
    const server = await start(dir, { durability: "durable" });
    await query(server, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('committed')");
    const pid = postmasterPid(dir)!;
    const children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
    process.kill(pid, "SIGKILL");
    // Then started again at once: the server may still be a zombie (dead, not yet reaped by its parent).
    await waitUntilGone([pid, ...children.map(Number)]);
    expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(true);

    const restarted = await start(dir);
    try {
      expect(await query(restarted, "SELECT value FROM kept")).toEqual([{ value: "committed" }]);
    } finally {
      await restarted.stop();
    }
  });

  it("refuses a folder whose socket path is too long for Unix sockets, and takes the longest that fits", async () => {
    // The socket is <folder>/.s.PGSQL.5432; Linux allows 107 bytes (sun_path, less its zero byte).
    const socketName = "/.s.PGSQL.5432";
    const padding = 107 - socketName.length - `${root}/`.length - "/postgres".length;
    expect(padding).toBeGreaterThan(0);

    const tooLong = path.join(root, "x".repeat(padding + 1), "postgres");
    await expect(start(tooLong)).rejects.toThrow(
      `The embedded PostgreSQL's socket path (${tooLong}${socketName}) is longer than 107 bytes: move the checkout to a shorter path, or set DATABASE_URL.`,
    );
    expect(fs.existsSync(tooLong)).toBe(false);

    const longest = cluster("y".repeat(padding));
    expect(Buffer.byteLength(`${longest}${socketName}`)).toBe(107);
    const server = await start(longest);
    try {
      expect(await query(server, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
  });
});
