/**
 * For tests of races between transactions: holds transactions at their COMMIT, after their last
 * statement has run, until the test opens the gate. That is the interleaving a READ COMMITTED race
 * needs (each has read and written, neither has committed), forced instead of hoped for.
 *
 * A deferred constraint trigger on the table (deferred triggers fire at COMMIT) takes a shared
 * advisory lock, which the gate's own connection holds exclusively while the gate is closed. The
 * test waits on states it can see in pg_stat_activity (so many backends of this database waiting
 * on a lock), never on a timer. Test databases only: the trigger is dropped again by `remove`.
 */
import pg from "pg";
import { waitUntil } from "./wait";

/** Advisory locks are per database, and each test file has its own. */
const GATE_LOCK = 727_001;
const TRIGGER = "test_commit_gate";

export class CommitGate {
  private closed = false;

  private constructor(
    private readonly client: pg.Client,
    private readonly table: string,
  ) {}

  /**
   * A closed gate for transactions that insert or update rows of `table`; `when` (SQL over NEW)
   * narrows it to some of those rows.
   */
  static async close(table: string, when = "true"): Promise<CommitGate> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const gate = new CommitGate(client, table);
    await client.query(`
      CREATE OR REPLACE FUNCTION test_commit_gate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(${GATE_LOCK});
        RETURN NULL;
      END $$`);
    await client.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON "${table}"`);
    await client.query(
      `CREATE CONSTRAINT TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE ON "${table}"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION test_commit_gate()`,
    );
    await client.query("SELECT pg_advisory_lock($1)", [GATE_LOCK]);
    gate.closed = true;
    return gate;
  }

  /** How many other backends of this database wait on a lock (a row, a gate) right now. */
  async lockWaiters(): Promise<number> {
    const { rows } = await this.client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    return rows[0].waiting;
  }

  /** Waits until at least `count` backends wait on a lock. */
  async waitForLockWaiters(count: number): Promise<void> {
    let waiting = 0;
    await waitUntil(
      async () => (waiting = await this.lockWaiters()) >= count,
      `${count} transactions wait on a lock`,
      undefined,
      () => `${waiting} waiting`,
    );
  }

  /**
   * Waits until `work` has settled or at least `count` backends wait on a lock, whichever comes
   * first: for an operation that either goes through (unguarded) or queues behind a lock (guarded).
   */
  async waitForSettledOrLockWaiters(work: Promise<unknown>, count: number): Promise<void> {
    let settled = false;
    void work.then(
      () => (settled = true),
      () => (settled = true),
    );
    let waiting = 0;
    await waitUntil(
      async () => settled || (waiting = await this.lockWaiters()) >= count,
      `the operation settles or ${count} transactions wait on a lock`,
      undefined,
      () => `${waiting} waiting`,
    );
  }

  /** Lets the held transactions commit, and every later one through. */
  async open(): Promise<void> {
    if (!this.closed) return;
    this.closed = false;
    await this.client.query("SELECT pg_advisory_unlock($1)", [GATE_LOCK]);
  }

  /** Opens the gate and drops its trigger. */
  async remove(): Promise<void> {
    await this.open();
    await this.client.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON "${this.table}"`);
    await this.client.end();
  }
}
