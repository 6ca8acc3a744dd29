import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { embeddedPostgresUrl } from "@/lib/database/embedded-postgres";
import { afterAll, inject } from "vitest";

// Each test file gets its own database, copied from the migrated template (CREATE DATABASE …
// TEMPLATE copies files, so it takes milliseconds), its own data folder and file storage, all set
// before any module reads the environment. The database is dropped when the file is done.
const { dir: postgresDir, template } = inject("testPostgres");
const urlFor = (database: string) => embeddedPostgresUrl(postgresDir, database);
const database = `test_${crypto.randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: urlFor("postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
await admin.end();

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-test-file-"));
process.env.DATABASE_URL = urlFor(database);
process.env.DATA_DIR = dataDir;
process.env.FILE_STORAGE_DIR = path.join(dataDir, "files");
process.env.API_KEY_HASH_SECRET = "test-hash-secret-0123456789abcdef0123456789";
process.env.LOG_REQUESTS = "false";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  const client = new pg.Client({ connectionString: urlFor("postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
