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
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "@/lib/database/embedded-postgres";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/database/migrations";
import {
  catalogDifferences,
  executeSql,
  prismaMigrateDiff,
  schemaCatalog,
  schemaSql,
  SCHEMA_PATH,
} from "@/lib/database/schema-catalog";

const ROOT = path.resolve(import.meta.dirname, "..");
// How far back in schema.prisma's history to look for the version the migrations build.
const MAX_SCHEMA_VERSIONS = 10;

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
