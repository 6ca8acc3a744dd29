import "server-only";
import { Mutex } from "async-mutex";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Prisma's better-sqlite3 adapter shares one connection between transactions and everything
 * else, and only makes transactions wait for each other: a statement from another request that
 * arrives while a transaction is open runs inside it, reports success, and vanishes if that
 * transaction rolls back. So the connection sits behind one FIFO queue: a transaction holds its
 * place from BEGIN until COMMIT or ROLLBACK, and every other statement waits its turn. Its own
 * statements go straight to the connection, since it already holds the place they would wait for.
 *
 * The transaction is begun here rather than by the adapter: the adapter keeps its own lock, which
 * it never gives back when BEGIN fails, and Prisma never calls its commit() or rollback() when the
 * COMMIT or ROLLBACK statement throws, so that lock would stop every later transaction.
 */
const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

// Prisma's transaction manager ends a transaction with exactly these statements through the
// transaction, then calls its commit() or rollback() only if they succeeded.
const COMMIT = "COMMIT";
const ROLLBACK = "ROLLBACK";

function queuedTransaction(connection: SqlDriverAdapter, leaveQueue: () => void): Transaction {
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      leaveQueue();
    }
  };
  // A statement through a transaction that has ended would run in whatever holds the connection now.
  const whileOpen = <T>(run: () => Promise<T>): Promise<T> =>
    open ? run() : Promise.reject(new Error("This transaction has already ended."));

  const end = async (query: SqlQuery): Promise<number> => {
    try {
      const changes = await connection.executeRaw(query);
      close();
      return changes;
    } catch (error) {
      // A refused COMMIT (a deferred foreign key, a busy database) leaves the transaction open;
      // a refused ROLLBACK means SQLite has already rolled it back. Either way it ends here.
      if (query.sql === COMMIT) await connection.executeRaw(statement(ROLLBACK)).catch(() => undefined);
      close();
      throw error;
    }
  };

  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => whileOpen(() => connection.queryRaw(query)),
    executeRaw: (query) =>
      whileOpen(() => (query.sql === COMMIT || query.sql === ROLLBACK ? end(query) : connection.executeRaw(query))),
    commit: async () => close(),
    rollback: async () => close(),
  };
}

function queuedAdapter(connection: SqlDriverAdapter): SqlDriverAdapter {
  const queue = new Mutex();
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    queryRaw: (query) => queue.runExclusive(() => connection.queryRaw(query)),
    executeRaw: (query) => queue.runExclusive(() => connection.executeRaw(query)),
    executeScript: (script) => queue.runExclusive(() => connection.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      // SQLite's transactions are serializable; the adapter refuses any other level the same way.
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
        throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
      }
      const leaveQueue = await queue.acquire();
      try {
        await connection.executeRaw(statement("BEGIN"));
      } catch (error) {
        leaveQueue();
        throw error;
      }
      return queuedTransaction(connection, leaveQueue);
    },
    getConnectionInfo: connection.getConnectionInfo ? () => connection.getConnectionInfo!() : undefined,
    dispose: () => connection.dispose(),
  };
}

/** The adapter factory with its one connection behind a FIFO queue that a transaction holds to its end. */
export function withQueuedConnection(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => queuedAdapter(await factory.connect()),
  };
}
