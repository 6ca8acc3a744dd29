import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

/**
 * What Prisma's schema describes of a database (tables, columns, keys, indexes), read from
 * PostgreSQL's catalog, to compare the schema the migrations build with the one prisma/schema.prisma
 * describes: by lib/database/migrations.test.ts in CI, and by scripts/new-migration.ts.
 */

const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
const PRISMA_CLI = path.join(ROOT, "node_modules", "prisma", "build", "index.js");

/**
 * `prisma migrate diff … --script`: the SQL that takes the schema from one side to the other.
 * Even an offline diff (schema files only) connects through the adapter in prisma.config.ts, so
 * `databaseUrl` must name a reachable server (any database of it).
 */
export async function prismaMigrateDiff(args: string[], databaseUrl: string): Promise<string> {
  const run = promisify(execFile)(process.execPath, [PRISMA_CLI, "migrate", "diff", ...args, "--script"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      // The adapter's pool is never closed, so the CLI would wait for its idle connection to time
      // out (10 s) before exiting: the server closes it after a second instead.
      PGOPTIONS: "-c idle_session_timeout=1000",
    },
  });
  try {
    return (await run).stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.replace("Loaded Prisma config from prisma.config.ts.", "");
    throw new Error(`prisma migrate diff failed: ${stderr?.trim() || String(error)}`);
  }
}

/** The SQL that creates what `schemaPath` describes in an empty database. */
export function schemaSql(schemaPath: string, databaseUrl: string): Promise<string> {
  return prismaMigrateDiff(["--from-empty", "--to-schema-datamodel", schemaPath], databaseUrl);
}

/** Runs `sql` (any number of statements) in one transaction. */
export async function executeSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(sql);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * What Prisma's schema describes of the database at `url`, one sorted line per item: tables,
 * columns (type, nullability, default), primary keys, unique and foreign keys (with their ON
 * DELETE/UPDATE), indexes and enums, in the `public` schema. What only migrations add is left out:
 * CHECK constraints, triggers, functions, extensions, and node-pg-migrate's schema_migrations.
 */
export async function schemaCatalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = `
      SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'`;
    const queries = [
      `SELECT format('table %I', relname) AS line FROM (${tables}) t`,
      `SELECT format('column %I.%I %s%s%s', t.relname, a.attname, format_type(a.atttypid, a.atttypmod),
              CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,
              coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')) AS line
       FROM (${tables}) t JOIN pg_attribute a ON a.attrelid = t.oid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attnum > 0 AND NOT a.attisdropped`,
      `SELECT format('constraint %I.%I %s', t.relname, con.conname, pg_get_constraintdef(con.oid)) AS line
       FROM (${tables}) t JOIN pg_constraint con ON con.conrelid = t.oid
       WHERE con.contype IN ('p', 'u', 'f')`,
      // indexdef, less what the line already says (its name, its table and the table's schema).
      `SELECT format('index %I.%I %s%s', i.tablename, i.indexname,
              CASE WHEN i.indexdef LIKE 'CREATE UNIQUE %' THEN 'UNIQUE ' ELSE '' END,
              substring(i.indexdef FROM 'USING .*$')) AS line
       FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename <> 'schema_migrations'`,
      `SELECT format('enum %I (%s)', t.typname, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)) AS line
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE n.nspname = 'public' GROUP BY t.typname`,
    ];
    const lines: string[] = [];
    for (const query of queries) {
      const { rows } = await client.query<{ line: string }>(query);
      lines.push(...rows.map((row) => row.line));
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

/**
 * The lines that differ between two catalogs, each marked with the side that has it: empty when
 * they agree. A changed column or index shows as its two versions.
 */
export function catalogDifferences(
  left: string[],
  right: string[],
  labels: { left: string; right: string } = { left: "migrations", right: "schema.prisma" },
): string[] {
  const leftSet = new Set(left);
  const rightSet = new Set(right);
  const width = Math.max(labels.left.length, labels.right.length);
  const onlyLeft = left.filter((line) => !rightSet.has(line)).map((line) => ({ line, side: labels.left }));
  const onlyRight = right.filter((line) => !leftSet.has(line)).map((line) => ({ line, side: labels.right }));
  // Sorted by the item, so that the two versions of a changed item are next to each other.
  return [...onlyLeft, ...onlyRight]
    .sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : a.side < b.side ? -1 : 1))
    .map(({ line, side }) => `only in ${side.padEnd(width)}  ${line}`);
}
