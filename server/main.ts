/**
 * `npm run serve`: opens the database (DATABASE_URL, or the embedded PostgreSQL under data/),
 * applies migrations and the demo data, then serves the portal on port 8083 from WEB_CONCURRENCY
 * app processes (node:cluster; they share the port, and the database is all they share). This
 * primary process serves nothing itself: it restarts an app process that dies, does the hourly
 * housekeeping, and on SIGTERM or SIGINT lets the app processes finish, then stops the database.
 *
 * With --dev (npm run dev), one process does everything, with Next's development server.
 */
import "./load-env";
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { dataDirectory } from "@/lib/data-directory";
import { openDatabase } from "@/lib/database/open-database";

const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;

async function primary(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const database = await openDatabase({ dataDir: dataDirectory(), owner: true });
  // Everything that reads the configuration is loaded once DATABASE_URL is known.
  const { env } = await import("@/lib/env");
  const { logEvent, describeError } = await import("@/lib/log");
  const { checkDataEncryptionKeys } = await import("@/lib/crypto/personal-data");
  const { prepareDatabase } = await import("@/lib/database/setup");
  const { startHousekeeping, warnAboutDemoCredentials } = await import("./housekeeping");

  checkDataEncryptionKeys();
  const prepared = await prepareDatabase();
  logEvent("info", "database_ready", {
    database: database.embedded ? "embedded" : "external",
    migrations_applied: prepared.migrations.length,
    demo_data: prepared.demoData,
  });
  const earlierDatabase = path.join(dataDirectory(), "axisfi.db");
  if (fs.existsSync(earlierDatabase)) {
    logEvent("warn", "sqlite_database_not_read", {
      message: `${earlierDatabase} is the SQLite database of an earlier version; the portal now keeps its data in PostgreSQL and does not read it.`,
    });
  }
  await warnAboutDemoCredentials();
  startHousekeeping(HOUSEKEEPING_EVERY_MS);

  if (dev) {
    const { serveApp } = await import("./app-process");
    await serveApp({ dev: true });
    const stop = () => void database.stop();
    process.once("exit", stop);
    return;
  }

  let stopping = false;
  const startAppProcess = () => cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) void finish();
      return;
    }
    logEvent("error", "app_process_exited", { pid: worker.process.pid, code, signal });
    // Its requests are lost to their clients (who retry with their Idempotency-Key); the port
    // stays served by the others, and a new process takes its place.
    setTimeout(startAppProcess, 500);
  });
  for (let index = 0; index < env.WEB_CONCURRENCY; index += 1) startAppProcess();

  const finish = async () => {
    try {
      const { db } = await import("@/lib/db");
      await db.$disconnect();
      await database.stop();
    } catch (error) {
      logEvent("error", "database_stop_failed", describeError(error));
    }
    process.exit(0);
  };
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) void finish();
    for (const worker of workers) worker?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

if (cluster.isPrimary) {
  primary().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else {
  import("./app-process")
    .then(({ serveApp }) => serveApp({ dev: false }))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
