import { BoundedMap } from "@/lib/bounded-map";

/**
 * Slows down password guessing: after a few failures for one key (an account from one client
 * address, or one client address for any account), further attempts are refused for a while
 * that doubles with each failure. Kept in memory: a restart forgets it, which only ever makes it
 * gentler. The maps are bounded, so a flood of distinct emails or addresses cannot exhaust memory;
 * an evicted key only starts counting afresh.
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

interface Failures {
  count: number;
  last: number;
  /** Until when the lock already reported as begun lasts (so that a lock is noted once, not per refusal). */
  notedUntil?: number;
}

/** Entries kept per throttle; beyond it, the least recently failed key is forgotten. */
export const THROTTLE_CAPACITY = 50_000;
/** Longer keys are cut: an email is at most 254 characters, an address far fewer. */
export const THROTTLE_KEY_MAX = 320;

export class SignInThrottle {
  private readonly failures: BoundedMap<string, Failures>;

  constructor(
    private readonly policy: ThrottlePolicy,
    capacity = THROTTLE_CAPACITY,
  ) {
    this.failures = new BoundedMap(capacity);
  }

  /** How many keys are remembered (for tests of the bound). */
  get size(): number {
    return this.failures.size;
  }

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  waitFor(key: string, now = Date.now()): number {
    const entry = this.current(capKey(key), now);
    if (!entry || entry.count < this.policy.freeFailures) return 0;
    const lock = Math.min(
      this.policy.firstLockMs * 2 ** (entry.count - this.policy.freeFailures),
      this.policy.maxLockMs,
    );
    return Math.max(0, entry.last + lock - now);
  }

  recordFailure(key: string, now = Date.now()): void {
    const capped = capKey(key);
    const entry = this.current(capped, now);
    this.failures.set(capped, { count: (entry?.count ?? 0) + 1, last: now, notedUntil: entry?.notedUntil });
  }

  /**
   * True the first time a lock is met, false for further refusals within the same lock: a lock
   * is worth one audit event, and a refused flood must not become a flood of writes.
   */
  firstRefusal(key: string, now = Date.now()): boolean {
    const capped = capKey(key);
    const wait = this.waitFor(capped, now);
    const entry = this.failures.get(capped);
    if (wait === 0 || !entry || (entry.notedUntil ?? 0) > now) return false;
    entry.notedUntil = now + wait;
    return true;
  }

  /** Takes back one failure, for an attempt counted up front that turned out right. */
  forgiveOne(key: string): void {
    const capped = capKey(key);
    const entry = this.failures.get(capped);
    if (!entry) return;
    if (entry.count <= 1) this.failures.delete(capped);
    else entry.count -= 1;
  }

  reset(key: string): void {
    this.failures.delete(capKey(key));
  }

  private current(key: string, now: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && now - entry.last > this.policy.windowMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

function capKey(key: string): string {
  return key.length > THROTTLE_KEY_MAX ? key.slice(0, THROTTLE_KEY_MAX) : key;
}
