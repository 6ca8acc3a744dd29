import "server-only";
import crypto from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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

// One pool per process, shared by Prisma and the few statements sent without it (rawQuery), and
// by the custom server and Next's bundles (through globalThis). It is made when the first query
// connects, not when this module loads: `next build` loads it with no database, and entry points
// set DATABASE_URL once they have opened one. db.$disconnect() ends it; the next query makes another.
const globalForDb = globalThis as unknown as { axisfiDb?: PrismaClient; axisfiPool?: pg.Pool };

function connectionPool(): pg.Pool {
  if (globalForDb.axisfiPool && !globalForDb.axisfiPool.ended) return globalForDb.axisfiPool;
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: POOL_SIZE,
    // A statement stuck behind a lock fails the request instead of holding its connection forever.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: "axisfi",
    // Idle connections do not keep a process running that has nothing else to do.
    allowExitOnIdle: true,
  });
  // An idle connection that breaks (the server restarted, the database was dropped) is replaced by
  // the pool; a query on a broken one fails on its own.
  pool.on("error", () => undefined);
  globalForDb.axisfiPool = pool;
  return pool;
}

const postgres: SqlDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "@prisma/adapter-pg",
  connect: () => new PrismaPg(connectionPool(), { disposeExternalPool: true }).connect(),
};

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: postgres });
}

export const db: PrismaClient = (globalForDb.axisfiDb ??= createClient());

/**
 * One statement on a pool connection, without Prisma: its query compiler costs about 0.3 ms of CPU
 * per statement, so the few statements every keyed create runs besides its write (the
 * Idempotency-Key claim and its release) go this way. Plain SQL with $1… parameters, prepared once
 * per connection under `name` (each name must always have the same text): planned each time, the
 * claim measured about a fifth slower.
 */
export async function rawQuery<Row extends pg.QueryResultRow>(
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  return (await connectionPool().query<Row>({ name, text, values })).rows;
}

/**
 * Advisory locks of the liveness kind: pg_advisory_lock(LIVENESS_LOCK_CLASS, process id). The
 * class keeps them apart from any other advisory lock (node-pg-migrate's is a single bigint).
 */
export const LIVENESS_LOCK_CLASS = 0x41584946;

interface LivenessSession {
  client: pg.Client;
  id: number;
}

/**
 * This process's liveness lock: one session-level advisory lock, held for as long as the process
 * lives on a connection of its own. It is outside the pool, so it never takes a connection from a
 * request, and it is one lock per process (not one per request), so it cannot fill PostgreSQL's
 * lock table. Another process tells whether this one is still alive by whether the lock is held
 * (pg_locks): when a process dies, its connection closes and PostgreSQL frees the lock at once
 * (over TCP, when the keepalives set below find the peer gone: within about 30 seconds).
 *
 * If the connection is lost, the lock goes with it and the next call takes a new one under a new
 * id: what was marked with the old id then counts as left by a process that is gone.
 */
class LivenessLock {
  private session?: Promise<LivenessSession>;
  private live?: LivenessSession;

  /** The id this process's work is marked with (taking the lock first, if it is not held). */
  async id(): Promise<number> {
    const session = (this.session ??= this.connect());
    try {
      return (await session).id;
    } catch (error) {
      if (this.session === session) this.session = undefined;
      throw error;
    }
  }

  private async connect(): Promise<LivenessSession> {
    const client = new pg.Client({
      connectionString: databaseUrl(),
      application_name: "axisfi-liveness",
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      // The lock lives as long as the process, but never keeps it running: a command or test that
      // is done exits (and PostgreSQL frees the lock) without anyone closing this connection.
      (client as pg.Client & { unref(): void }).unref();
      // Ignored on a Unix socket; over TCP, they bound how long a dead host's lock outlives it.
      await client.query("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3");
      for (;;) {
        const id = crypto.randomInt(1, 2 ** 31 - 1);
        const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [
          LIVENESS_LOCK_CLASS,
          id,
        ]);
        if (rows[0]?.locked) {
          this.live = { client, id };
          return this.live;
        }
      }
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
  }

  private lost(client: pg.Client): void {
    if (this.live?.client === client) {
      this.live = undefined;
      this.session = undefined;
    }
    void client.end().catch(() => undefined);
  }
}

const globalForLiveness = globalThis as unknown as { axisfiLiveness?: LivenessLock };

export const livenessLock: LivenessLock = (globalForLiveness.axisfiLiveness ??= new LivenessLock());

/**
 * SQL that is true when the process whose liveness id is in `ownerColumn` is gone: no session of
 * this database holds its lock.
 */
export function ownerIsGone(ownerColumn: string): string {
  return `NOT EXISTS (
    SELECT 1 FROM pg_locks
    WHERE locktype = 'advisory' AND granted AND objsubid = 2
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND classid = ${LIVENESS_LOCK_CLASS}::oid AND objid = (${ownerColumn})::oid
  )`;
}

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
