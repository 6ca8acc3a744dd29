/**
 * Runs a command (scripts/partner.ts, scripts/account.ts, prisma/seed.ts…) on the app's database:
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under data/, joined if the app is
 * running, or started for the command and stopped after it.
 *
 *   tsx scripts/with-database.ts <script> [arguments…]
 */
import "../server/load-env";
import path from "node:path";
import { dataDirectory } from "@/lib/data-directory";
import { openDatabase } from "@/lib/database/open-database";

async function main(): Promise<void> {
  const [script, ...args] = process.argv.slice(2);
  if (!script) throw new Error("Usage: with-database <script> [arguments…]");
  const database = await openDatabase({ dataDir: dataDirectory(), owner: false });
  let stopped = false;
  // The command's own work ends when nothing is left on the event loop; the database stops after it.
  process.on("beforeExit", () => {
    if (stopped) return;
    stopped = true;
    void database.stop();
  });
  process.argv = [process.argv[0], path.resolve(script), ...args];
  await import(path.resolve(script));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
