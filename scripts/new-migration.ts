/**
 * Writes the next migration: prisma/migrations/<NNNN>_<name>.sql, with the DDL that takes the
 * schema from what the existing migrations build to what prisma/schema.prisma says.
 *
 *   npm run db:migration -- <name>
 *
 * Prisma cannot read a database through the driver adapter in prisma.config.ts (`migrate diff`
 * refuses --from-url and --from-schema-datasource when an adapter is configured, and `db pull`
 * fails on PostgreSQL 18), so the diff is taken between two schema.prisma files: the last committed
 * one whose tables match what the migrations build (checked on a scratch embedded PostgreSQL,
 * usually HEAD's), and the one in the working tree. The migration is then applied to the scratch
 * database and checked against schema.prisma before it is written.
 *
 * Also the catalog comparison that lib/database/migrations.test.ts runs in CI.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "@/lib/database/embedded-postgres";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/database/migrations";

const ROOT = path.resolve(import.meta.dirname, "..");
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
const PRISMA_CLI = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
// How far back in schema.prisma's history to look for the version the migrations build.
const MAX_SCHEMA_VERSIONS = 10;

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

/** A database of `server` holding what `schemaPath` describes (with pg_trgm, which 0001 installs). */
async function databaseFromSchema(server: RunningPostgres, database: string, schemaPath: string): Promise<string> {
  await ensureDatabase(server, database);
  const url = server.urlFor(database);
  const sql = await schemaSql(schemaPath, url);
  await executeSql(url, `CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${sql}`);
  return url;
}

/** The committed versions of schema.prisma, newest first, each once. */
function committedSchemas(): { commit: string; text: string }[] {
  const git = (args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
  let commits: string[];
  try {
    commits = git(["log", "--format=%h", `-n${MAX_SCHEMA_VERSIONS}`, "--", "prisma/schema.prisma"]).split("\n");
  } catch {
    throw new Error("Could not read schema.prisma's history from git (the diff starts from a committed version).");
  }
  const schemas = new Map<string, string>();
  for (const commit of commits.filter(Boolean)) {
    const text = git(["show", `${commit}:prisma/schema.prisma`]);
    if (!schemas.has(text)) schemas.set(text, commit);
  }
  return [...schemas].map(([text, commit]) => ({ commit, text }));
}

function nextMigrationFile(name: string): string {
  const numbers = fs
    .readdirSync(MIGRATIONS_DIR)
    .map((file) => /^(\d+)_.*\.sql$/.exec(file)?.[1])
    .filter((number): number is string => number !== undefined)
    .map(Number);
  const next = String(Math.max(0, ...numbers) + 1).padStart(4, "0");
  return path.join(MIGRATIONS_DIR, `${next}_${name}.sql`);
}

async function main(args: string[]): Promise<void> {
  const [name, ...rest] = args;
  if (!name || rest.length > 0 || !/^[a-z0-9]+(_[a-z0-9]+)*$/.test(name)) {
    throw new Error("Usage: npm run db:migration -- <name>   (lower case words joined by _, e.g. add_customer_tier)");
  }
  const file = nextMigrationFile(name);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-migration-"));
  const server = await startEmbeddedPostgres({ dir: path.join(scratch, "postgres"), durability: "fast" });
  try {
    await ensureDatabase(server, "migrated");
    const migratedUrl = server.urlFor("migrated");
    await applyMigrations(migratedUrl);
    const migrated = await schemaCatalog(migratedUrl);
    const wanted = await schemaCatalog(await databaseFromSchema(server, "wanted", SCHEMA_PATH));
    if (catalogDifferences(migrated, wanted).length === 0) {
      throw new Error("schema.prisma and the migrations already agree: there is no migration to write.");
    }

    // The committed schema.prisma the migrations build: the diff's starting point.
    const current = fs.readFileSync(SCHEMA_PATH, "utf8");
    const schemas = committedSchemas().filter(({ text }) => text !== current);
    let base: { commit: string; path: string } | undefined;
    let firstMismatch: string[] | undefined;
    for (const [index, { commit, text }] of schemas.entries()) {
      const schemaPath = path.join(scratch, `schema-${commit}.prisma`);
      fs.writeFileSync(schemaPath, text);
      let catalog: string[];
      try {
        catalog = await schemaCatalog(await databaseFromSchema(server, `committed_${index}`, schemaPath));
      } catch {
        continue; // An older schema Prisma cannot diff here (e.g. from before PostgreSQL).
      }
      const differences = catalogDifferences(migrated, catalog, {
        left: "migrations",
        right: `schema.prisma@${commit}`,
      });
      if (differences.length === 0) {
        base = { commit, path: schemaPath };
        break;
      }
      firstMismatch ??= differences;
    }
    if (!base) {
      throw new Error(
        [
          `None of the last ${MAX_SCHEMA_VERSIONS} committed versions of schema.prisma (other than the working tree's) is what the migrations build, so there is no starting point for the diff.`,
          ...(firstMismatch ? ["The newest one differs:", ...firstMismatch.map((line) => `  ${line}`)] : []),
        ].join("\n"),
      );
    }

    const sql = await prismaMigrateDiff(
      ["--from-schema-datamodel", base.path, "--to-schema-datamodel", SCHEMA_PATH],
      migratedUrl,
    );
    const statements = sql.replace(/^--.*$/gm, "").trim();
    if (!statements) {
      throw new Error("Prisma writes no SQL for the change, though the tables differ; write the migration by hand.");
    }

    // Check the migration before writing it: applied on top of the migrations, it builds what schema.prisma says.
    await executeSql(migratedUrl, sql);
    const differences = catalogDifferences(await schemaCatalog(migratedUrl), wanted, {
      left: "migrations + new",
      right: "schema.prisma",
    });
    if (differences.length > 0) {
      throw new Error(["The generated migration does not build schema.prisma:", ...differences].join("\n"));
    }

    const header = `-- ${name}: written by \`npm run db:migration\` (from schema.prisma at ${base.commit} to the working tree's).\n-- Review it (data to move, locks on big tables) before committing.\n\n`;
    fs.writeFileSync(file, header + sql, { flag: "wx" });
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// Run as a command; imported (by the drift test), it only lends its functions.
if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
