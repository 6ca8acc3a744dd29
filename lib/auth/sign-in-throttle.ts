import "server-only";
import { db, isUniqueViolation } from "@/lib/db";

/**
 * Slows down password guessing: after a few failures for one key (an account from one client
 * address, or one client address for any account), further attempts are refused for a while
 * that doubles with each failure. The counts live in the database (SignInFailureCount), so every
 * app process sees the same ones: with counts kept per process, N processes would give an
 * attacker N times the guesses.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  firstLockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

/** An account tried from one client address: the owner elsewhere is never locked out by it. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 4,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};
/** One client address, whatever accounts it tries: the cap on a guesser spreading over many accounts. */
export const IP_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  firstLockMs: 60_000,
  maxLockMs: 30 * 60_000,
  windowMs: 60 * 60_000,
};

/** Longer keys are cut: an email is at most 254 characters, an address far fewer. */
export const THROTTLE_KEY_MAX = 320;

/**
 * A claim whose row keeps changing under it is retried; every failed round means another
 * attempt's write went through, so this is only reached if the database never matches what it
 * answered (a bug to surface, not to spin on).
 */
const MAX_CLAIM_ROUNDS = 200;

type Database = Pick<typeof db, "signInFailureCount">;

interface Count {
  failures: number;
  lastFailureAt: Date;
}

/** Milliseconds until a key with this count may try again at `now`; 0 when it may try now. */
function lockWait(policy: ThrottlePolicy, count: Count | null, now: number): number {
  if (!count || isForgotten(policy, count, now) || count.failures < policy.freeFailures) return 0;
  const lock = Math.min(policy.firstLockMs * 2 ** (count.failures - policy.freeFailures), policy.maxLockMs);
  return Math.max(0, count.lastFailureAt.getTime() + lock - now);
}

function isForgotten(policy: ThrottlePolicy, count: Count, now: number): boolean {
  return now - count.lastFailureAt.getTime() > policy.windowMs;
}

export class SignInThrottle {
  /**
   * @param scope keeps this throttle's keys apart from another's in the one table
   * @param database the Prisma client to count through (another process's, in tests)
   */
  constructor(
    private readonly scope: string,
    private readonly policy: ThrottlePolicy,
    private readonly database: Database = db,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  async waitFor(key: string, now = Date.now()): Promise<number> {
    return lockWait(this.policy, await this.read(capKey(key)), now);
  }

  /**
   * Counts one attempt as a failure, before it is checked, unless `key` is locked: answers 0
   * when it was counted (the attempt may go on), or the wait when it was refused (not counted).
   * Counted by compare-and-set on the row as read, so attempts in parallel, from any process,
   * each count on top of the others and the lock holds however many arrive at once.
   */
  async claimAttempt(key: string, now = Date.now()): Promise<number> {
    const capped = capKey(key);
    const failedAt = new Date(now);
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round += 1) {
      const row = await this.read(capped);
      const wait = lockWait(this.policy, row, now);
      if (wait > 0) return wait;
      if (!row) {
        try {
          await this.database.signInFailureCount.create({
            data: { scope: this.scope, key: capped, failures: 1, lastFailureAt: failedAt },
          });
          return 0;
        } catch (error) {
          if (isUniqueViolation(error)) continue;
          throw error;
        }
      }
      const { count } = await this.database.signInFailureCount.updateMany({
        where: { scope: this.scope, key: capped, failures: row.failures, lastFailureAt: row.lastFailureAt },
        // Failures past the window are forgotten: counting starts again from this one.
        data: isForgotten(this.policy, row, now)
          ? { failures: 1, lastFailureAt: failedAt, lockNotedUntil: null }
          : { failures: row.failures + 1, lastFailureAt: failedAt },
      });
      if (count === 1) return 0;
    }
    throw new Error(`The sign-in throttle could not count an attempt in ${MAX_CLAIM_ROUNDS} rounds.`);
  }

  /**
   * True the first time a lock is met, false for further refusals within the same lock (in any
   * process): a lock is worth one audit event, and a refused flood must not become a flood of
   * writes.
   */
  async firstRefusal(key: string, now = Date.now()): Promise<boolean> {
    const capped = capKey(key);
    const row = await this.read(capped);
    const wait = lockWait(this.policy, row, now);
    if (wait === 0) return false;
    // Already noted for this lock: answered from the read alone, with no write.
    if (row?.lockNotedUntil && row.lockNotedUntil.getTime() > now) return false;
    const { count } = await this.database.signInFailureCount.updateMany({
      where: {
        scope: this.scope,
        key: capped,
        OR: [{ lockNotedUntil: null }, { lockNotedUntil: { lte: new Date(now) } }],
      },
      data: { lockNotedUntil: new Date(now + wait) },
    });
    return count === 1;
  }

  /** Takes back one failure, for an attempt counted up front that turned out right. */
  async forgiveOne(key: string): Promise<void> {
    const capped = capKey(key);
    await this.database.signInFailureCount.updateMany({
      where: { scope: this.scope, key: capped },
      data: { failures: { decrement: 1 } },
    });
    await this.database.signInFailureCount.deleteMany({
      where: { scope: this.scope, key: capped, failures: { lte: 0 } },
    });
  }

  async reset(key: string): Promise<void> {
    await this.database.signInFailureCount.deleteMany({ where: { scope: this.scope, key: capKey(key) } });
  }

  private read(key: string) {
    return this.database.signInFailureCount.findUnique({
      where: { scope_key: { scope: this.scope, key } },
      select: { failures: true, lastFailureAt: true, lockNotedUntil: true },
    });
  }
}

/** The two throttles sign-in goes through, with their scopes in the table. */
export const accountFromAddressThrottle = new SignInThrottle("account_from_address", ACCOUNT_POLICY);
export const addressThrottle = new SignInThrottle("address", IP_POLICY);

/**
 * Deletes counts older than the longest window, which count as zero anyway; called now and then
 * (server/main.ts), never on every attempt.
 */
export async function purgeExpiredSignInFailures(now = Date.now(), database: Database = db): Promise<number> {
  const longestWindowMs = Math.max(ACCOUNT_POLICY.windowMs, IP_POLICY.windowMs);
  const { count } = await database.signInFailureCount.deleteMany({
    where: { lastFailureAt: { lt: new Date(now - longestWindowMs) } },
  });
  return count;
}

function capKey(key: string): string {
  return key.length > THROTTLE_KEY_MAX ? key.slice(0, THROTTLE_KEY_MAX) : key;
}
