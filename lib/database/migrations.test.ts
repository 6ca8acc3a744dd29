import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { embeddedPostgresUrl } from "./embedded-postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { catalogDifferences, executeSql, SCHEMA_PATH, schemaCatalog, schemaSql } from "./schema-catalog";
import { applyMigrations, MIGRATIONS_DIR } from "./migrations";

// Scratch databases on the test run's PostgreSQL, dropped when the file is done.
const { dir: postgresDir } = inject("testPostgres");
const urlFor = (database: string) => embeddedPostgresUrl(postgresDir, database);
const created: string[] = [];

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database; returns its URL. */
async function scratchDatabase(purpose: string): Promise<string> {
  const database = `${purpose}_${crypto.randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${database}`));
  created.push(database);
  return urlFor(database);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const allMigrations = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((file) => file.endsWith(".sql"))
  .sort()
  .map((file) => path.basename(file, ".sql"));

afterAll(async () => {
  await admin(async (client) => {
    for (const database of created) await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });
});

describe("the migrations", () => {
  it("build what schema.prisma describes (CI fails when schema.prisma and the migrations disagree)", async () => {
    const migrated = await scratchDatabase("drift_migrations");
    const fromSchema = await scratchDatabase("drift_schema");
    await applyMigrations(migrated);
    // Prisma's SQL for the schema, as `prisma migrate diff --from-empty` writes it; the trigram
    // indexes need pg_trgm, which the first migration installs.
    const sql = await schemaSql(SCHEMA_PATH, fromSchema);
    await executeSql(fromSchema, `CREATE EXTENSION pg_trgm;\n${sql}`);

    const [migrations, schema] = await Promise.all([schemaCatalog(migrated), schemaCatalog(fromSchema)]);
    expect(schema.some((line) => line.startsWith('table "Customer"'))).toBe(true);
    expect(
      catalogDifferences(migrations, schema).join("\n"),
      "schema.prisma and prisma/migrations disagree: write a migration with `npm run db:migration -- <name>`",
    ).toBe("");
  }, 60_000);

  it("are applied once when two processes apply them at the same time", async () => {
    const url = await scratchDatabase("concurrent");
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(results).toContainEqual(allMigrations);
    expect(results).toContainEqual([]);
    expect(await applyMigrations(url)).toEqual([]);
    const rows = await query<{ name: string }>(url, "SELECT name FROM schema_migrations ORDER BY id");
    expect(rows.map((row) => row.name)).toEqual(allMigrations);
  });

  it("roll a failing migration back entirely, and apply it once it is fixed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-migrations-"));
    try {
      const url = await scratchDatabase("failing");
      fs.writeFileSync(path.join(dir, "0001_first.sql"), `CREATE TABLE "First" ("id" TEXT PRIMARY KEY);`);
      expect(await applyMigrations(url, dir)).toEqual(["0001_first"]);

      const broken = `
        CREATE TABLE "Second" ("id" TEXT PRIMARY KEY);
        ALTER TABLE "First" ADD COLUMN "note" TEXT;
        INSERT INTO "First" ("id") VALUES ('a');
        ALTER TABLE "Missing" ADD COLUMN "x" TEXT;`;
      fs.writeFileSync(path.join(dir, "0002_second.sql"), broken);
      await expect(applyMigrations(url, dir)).rejects.toThrow(/"Missing" does not exist/);

      const tables = await query<{ name: string }>(
        url,
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      expect(tables.map((row) => row.name)).toEqual(["First", "schema_migrations"]);
      const columns = await query<{ name: string }>(
        url,
        "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'First'",
      );
      expect(columns.map((row) => row.name)).toEqual(["id"]);
      expect(await query(url, `SELECT * FROM "First"`)).toEqual([]);
      const applied = await query<{ name: string }>(url, "SELECT name FROM schema_migrations ORDER BY id");
      expect(applied.map((row) => row.name)).toEqual(["0001_first"]);

      // Nothing is left locked or half-done: the fixed migration applies in full.
      fs.writeFileSync(path.join(dir, "0002_second.sql"), broken.replace(/ALTER TABLE "Missing".*;/, ""));
      expect(await applyMigrations(url, dir)).toEqual(["0002_second"]);
      expect(await query(url, `SELECT "id", "note" FROM "First"`)).toEqual([{ id: "a", note: null }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
