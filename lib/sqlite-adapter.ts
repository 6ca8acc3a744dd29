import "server-only";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/**
 * Prisma's better-sqlite3 adapter shares one connection between transactions and everything
 * else, and only makes transactions wait for each other. A query from another request that
 * arrives while a transaction is open runs inside it: its write reports success, then vanishes
 * if that transaction rolls back. This gate makes every statement outside a transaction wait
 * until no transaction is open, which is what SQLite's single writer needs anyway.
 */
class TransactionGate {
  private open: Promise<void> | null = null;

  /** Resolves when no transaction is open. */
  async idle(): Promise<void> {
    while (this.open) await this.open;
  }

  /** Waits for the gate, then holds it until the returned release is called. */
  async enter(): Promise<() => void> {
    await this.idle();
    let release!: () => void;
    this.open = new Promise((resolve) => (release = resolve));
    return () => {
      this.open = null;
      release();
    };
  }
}

function gateTransaction(transaction: Transaction, leave: () => void): Transaction {
  let left = false;
  const leaveOnce = () => {
    if (!left) {
      left = true;
      leave();
    }
  };
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => transaction.commit().finally(leaveOnce),
    rollback: () => transaction.rollback().finally(leaveOnce),
  };
}

function gateAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const gate = new TransactionGate();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query) => {
      await gate.idle();
      return adapter.queryRaw(query);
    },
    executeRaw: async (query) => {
      await gate.idle();
      return adapter.executeRaw(query);
    },
    executeScript: async (script) => {
      await gate.idle();
      return adapter.executeScript(script);
    },
    startTransaction: async (isolationLevel) => {
      const leave = await gate.enter();
      try {
        return gateTransaction(await adapter.startTransaction(isolationLevel), leave);
      } catch (error) {
        leave();
        throw error;
      }
    },
    getConnectionInfo: adapter.getConnectionInfo ? () => adapter.getConnectionInfo!() : undefined,
    dispose: () => adapter.dispose(),
  };
}

/** The adapter factory with statements outside transactions kept out of open transactions. */
export function withTransactionGate(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => gateAdapter(await factory.connect()),
  };
}
