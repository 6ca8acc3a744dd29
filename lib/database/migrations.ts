import path from "node:path";
import { runner } from "node-pg-migrate";

/** The SQL migrations, applied in file-name order: prisma/migrations/NNNN_name.sql. */
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");

/**
 * Applies the migrations not yet applied to the database at `url`, each once, in order, each in
 * its own transaction. node-pg-migrate holds a PostgreSQL advisory lock for the whole run, so of
 * two processes starting together one applies and the other waits, then finds nothing left to do.
 * `prisma migrate deploy` cannot be used: it fails through the PostgreSQL driver adapter
 * (prisma/orm#27403), and Prisma's native schema engine cannot be downloaded here.
 *
 * Returns the names of the migrations applied by this call. `dir` is for tests (a migration
 * history of their own); the app always applies MIGRATIONS_DIR.
 */
export async function applyMigrations(url: string, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const applied = await runner({
    databaseUrl: url,
    dir,
    direction: "up",
    migrationsTable: "schema_migrations",
    checkOrder: true,
    advisoryLockMode: "wait",
    // Migrations are plain SQL; nothing in a file is a template.
    log: () => undefined,
    verbose: false,
  });
  return applied.map((migration) => migration.name);
}
