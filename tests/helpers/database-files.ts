import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";

/**
 * Every byte PostgreSQL has written for this test file's database: its table and index files,
 * after a checkpoint has flushed them, and the write-ahead log (shared by the test run's
 * databases, so tests look for values no other test uses).
 */
export async function databaseFileBytes(): Promise<Buffer> {
  await db.$executeRawUnsafe("CHECKPOINT");
  const [{ oid, dataDirectory }] = await db.$queryRawUnsafe<{ oid: number; dataDirectory: string }[]>(
    `SELECT oid::int AS "oid", current_setting('data_directory') AS "dataDirectory"
     FROM pg_database WHERE datname = current_database()`,
  );
  const folders = [path.join(dataDirectory, "base", String(oid)), path.join(dataDirectory, "pg_wal")];
  const files = folders.flatMap((folder) =>
    fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(folder, entry.name)),
  );
  return Buffer.concat(files.map((file) => fs.readFileSync(file)));
}
