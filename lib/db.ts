import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./database-url";

import { Prisma } from "./generated/prisma/client";

export { Prisma };

/**
 * Connections per process. Two app processes on two cores keep PostgreSQL busy with about 16
 * connections each (bench/create-customer.ts); more only queue inside PostgreSQL instead of here.
 */
const POOL_SIZE = 16;

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

/**
 * One multi-row INSERT, written as plain SQL. Prisma 6's query compiler works through every
 * value of every row on each createMany (about 0.9 ms of CPU per customer on the create path);
 * this statement is standard SQL, bound by Prisma's own parameter handling, in whatever
 * transaction the caller runs it. All rows must have the same keys, which are our own column
 * names, never input.
 */
export function insertRows(table: Prisma.ModelName, rows: readonly object[]) {
  const columns = Object.keys(rows[0] ?? {});
  if (!IDENTIFIER.test(table) || columns.length === 0 || !columns.every((column) => IDENTIFIER.test(column))) {
    throw new Error(`insertRows: bad table or columns for ${table}`);
  }
  const tuples = rows.map((row) => {
    const values = row as Record<string, unknown>;
    return Prisma.sql`(${Prisma.join(columns.map((column) => values[column] ?? null))})`;
  });
  return db.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(columns.map((column) => `"${column}"`).join(", "))}) VALUES ${Prisma.join(tuples)}`;
}

/** A write refused by a unique index, whether it came from a model query (P2002) or plain SQL (P2010). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause;
  return error.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
}
