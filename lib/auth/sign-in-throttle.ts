/**
 * Slows down password guessing: after a few failures for one account, or many from one IP
 * address, further attempts are refused for a while that doubles with each failure. Kept in
 * memory: a restart forgets it, which only ever makes it gentler.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  firstLockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 4,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};
export const IP_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  firstLockMs: 60_000,
  maxLockMs: 30 * 60_000,
  windowMs: 60 * 60_000,
};

interface Failures {
  count: number;
  last: number;
}

export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly policy: ThrottlePolicy) {}

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  waitFor(key: string, now = Date.now()): number {
    const entry = this.current(key, now);
    if (!entry || entry.count < this.policy.freeFailures) return 0;
    const lock = Math.min(
      this.policy.firstLockMs * 2 ** (entry.count - this.policy.freeFailures),
      this.policy.maxLockMs,
    );
    return Math.max(0, entry.last + lock - now);
  }

  recordFailure(key: string, now = Date.now()): void {
    const entry = this.current(key, now);
    this.failures.set(key, { count: (entry?.count ?? 0) + 1, last: now });
  }

  /** Takes back one failure, for an attempt counted up front that turned out right. */
  forgiveOne(key: string): void {
    const entry = this.failures.get(key);
    if (!entry) return;
    if (entry.count <= 1) this.failures.delete(key);
    else entry.count -= 1;
  }

  reset(key: string): void {
    this.failures.delete(key);
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
