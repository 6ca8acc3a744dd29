/**
 * For tests of the partner API's rate limit: the token buckets' clock in the test's hands, so that
 * a count of allowed requests is exact however slow the machine is.
 *
 * lib/api/rate-limits.ts reads the time once per statement (clock_timestamp() in the proposed row,
 * read back as excluded."updatedAt") and refills a bucket by perSecond × (that time − the bucket's
 * last update). A BEFORE INSERT trigger here puts the test's clock into the proposed row instead;
 * PostgreSQL's `excluded` is that row as the trigger left it, so the app's statement runs unchanged
 * and refills exactly what the test's clock says has passed: nothing until `advance`. Test
 * databases only, one clock per database (each test file has its own): `remove` drops it all.
 */
import pg from "pg";

const TRIGGER = "test_bucket_clock";

export class BucketClock {
  private constructor(private readonly client: pg.Client) {}

  /** Stops the buckets' clock at the database's present time. */
  static async stop(): Promise<BucketClock> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`CREATE TABLE IF NOT EXISTS test_bucket_clock ("now" timestamptz NOT NULL)`);
    await client.query(`DELETE FROM test_bucket_clock`);
    await client.query(`INSERT INTO test_bucket_clock VALUES (clock_timestamp())`);
    await client.query(`
      CREATE OR REPLACE FUNCTION test_bucket_clock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW."updatedAt" := (SELECT "now" FROM test_bucket_clock);
        RETURN NEW;
      END $$`);
    await client.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON "PartnerRateLimit"`);
    await client.query(
      `CREATE TRIGGER ${TRIGGER} BEFORE INSERT ON "PartnerRateLimit" FOR EACH ROW EXECUTE FUNCTION test_bucket_clock()`,
    );
    return new BucketClock(client);
  }

  /** Lets `seconds` pass for every bucket. */
  async advance(seconds: number): Promise<void> {
    await this.client.query(`UPDATE test_bucket_clock SET "now" = "now" + $1 * interval '1 second'`, [seconds]);
  }

  /** Gives the buckets the database's clock back. */
  async remove(): Promise<void> {
    await this.client.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON "PartnerRateLimit"`);
    await this.client.query(`DROP FUNCTION IF EXISTS test_bucket_clock()`);
    await this.client.query(`DROP TABLE IF EXISTS test_bucket_clock`);
    await this.client.end();
  }
}
