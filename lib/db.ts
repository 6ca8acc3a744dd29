import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./database-url";

import { Prisma } from "./generated/prisma/client";

export { Prisma };

/**
 * Connections per process. Creates share one write statement in flight per process (group
 * commit), so the pool mostly serves short reads (key look-ups, file checks, the back office): at
 * 64 connections of create load, bench/create-customer.ts saw at most about 2 in use at once.
 * Ten leaves room for the back office beside that, and WEB_CONCURRENCY processes × 10 stays far
 * below PostgreSQL's max_connections.
 */
const POOL_SIZE = 10;

// The URL is read when the first query connects, not when this module loads: `next build` loads
// it with no database, and entry points set DATABASE_URL once they have opened one.
const postgres: SqlDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "@prisma/adapter-pg",
  connect: () =>
    new PrismaPg({
      connectionString: databaseUrl(),
      max: POOL_SIZE,
      // A statement stuck behind a lock fails the request instead of holding its connection forever.
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
      application_name: "axisfi",
    }).connect(),
};

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: postgres });
}

// One client per process: the custom server and Next's bundles share it through globalThis.
const globalForDb = globalThis as unknown as { axisfiDb?: PrismaClient };

export const db: PrismaClient = (globalForDb.axisfiDb ??= createClient());

/** Whether the database answers, for the health check. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
// PostgreSQL binds at most this many parameters in one statement.
const MAX_PARAMETERS = 65_535;

/** Rows for one table: all with the same keys, which are our own column names, never input. */
export interface TableRows {
  table: Prisma.ModelName;
  rows: readonly object[];
}

function insertStatement({ table, rows }: TableRows): Prisma.Sql {
  const columns = Object.keys(rows[0] ?? {});
  if (!IDENTIFIER.test(table) || columns.length === 0 || !columns.every((column) => IDENTIFIER.test(column))) {
    throw new Error(`insertRows: bad table or columns for ${table}`);
  }
  const tuples = rows.map((row) => {
    const values = row as Record<string, unknown>;
    return Prisma.sql`(${Prisma.join(columns.map((column) => values[column] ?? null))})`;
  });
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(columns.map((column) => `"${column}"`).join(", "))}) VALUES ${Prisma.join(tuples)}`;
}

/**
 * Inserts rows into several tables as ONE statement: each table's multi-row INSERT is a
 * data-modifying CTE of the last one. One statement is atomic by itself (no BEGIN or COMMIT) and
 * takes one round trip; foreign keys are checked at its end, so children may name parents written
 * beside them. Measured on the create path: the group transaction had been 7 round trips, each
 * waiting its turn on a busy event loop, with the transaction open but idle in PostgreSQL most of
 * that time (bench/create-customer.ts). Plain SQL rather than createMany: Prisma 6's query
 * compiler works through every value of every row (about 0.9 ms of CPU per customer).
 * Beyond PostgreSQL's parameter limit, the INSERTs run one by one in a transaction.
 */
export async function insertTogether(inserts: readonly TableRows[]): Promise<void> {
  const present = inserts.filter((insert) => insert.rows.length > 0);
  if (present.length === 0) return;
  const parameters = present.reduce((sum, insert) => sum + insert.rows.length * Object.keys(insert.rows[0]).length, 0);
  const statements = present.map(insertStatement);
  if (parameters > MAX_PARAMETERS) {
    await db.$transaction(statements.map((statement) => db.$executeRaw(statement)));
    return;
  }
  const last = statements[statements.length - 1];
  const before = statements
    .slice(0, -1)
    .map((statement, index) => Prisma.sql`${Prisma.raw(`w${index}`)} AS (${statement})`);
  await db.$executeRaw(before.length > 0 ? Prisma.sql`WITH ${Prisma.join(before)} ${last}` : last);
}

/** A write refused by a unique index, whether it came from a model query (P2002) or plain SQL (P2010). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause;
  return error.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
}
