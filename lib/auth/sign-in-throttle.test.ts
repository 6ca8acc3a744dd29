import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, IP_POLICY, SignInThrottle, THROTTLE_KEY_MAX, type ThrottlePolicy } from "./sign-in-throttle";

const POLICY: ThrottlePolicy = { freeFailures: 3, firstLockMs: 1_000, maxLockMs: 5_000, windowMs: 60_000 };
const T0 = 1_700_000_000_000;
const KEY = "someone@example.com";

/** Records `count` failures for `key`, all at `now`. */
function fail(throttle: SignInThrottle, count: number, now = T0, key = KEY): void {
  for (let index = 0; index < count; index += 1) throttle.recordFailure(key, now);
}

describe("SignInThrottle", () => {
  it("lets a key with no failures try at once", () => {
    expect(new SignInThrottle(POLICY).waitFor(KEY, T0)).toBe(0);
  });

  it("allows fewer than freeFailures failures without a wait", () => {
    const throttle = new SignInThrottle(POLICY);
    for (let count = 1; count < POLICY.freeFailures; count += 1) {
      throttle.recordFailure(KEY, T0);
      expect(throttle.waitFor(KEY, T0), `after ${count} failures`).toBe(0);
    }
  });

  it("locks once the free failures are used up, for firstLockMs", () => {
    const throttle = new SignInThrottle(POLICY);
    fail(throttle, POLICY.freeFailures);
    expect(throttle.waitFor(KEY, T0)).toBe(POLICY.firstLockMs);
  });

  it("doubles the lock with each further failure, up to maxLockMs", () => {
    const throttle = new SignInThrottle(POLICY);
    fail(throttle, POLICY.freeFailures);
    const locks = [throttle.waitFor(KEY, T0)];
    for (let extra = 0; extra < 5; extra += 1) {
      throttle.recordFailure(KEY, T0);
      locks.push(throttle.waitFor(KEY, T0));
    }
    expect(locks).toEqual([1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
  });

  it("counts the lock from the last failure, so the wait shrinks with time and reaches 0", () => {
    const throttle = new SignInThrottle(POLICY);
    fail(throttle, POLICY.freeFailures + 1); // a 2 s lock
    expect(throttle.waitFor(KEY, T0)).toBe(2_000);
    expect(throttle.waitFor(KEY, T0 + 500)).toBe(1_500);
    expect(throttle.waitFor(KEY, T0 + 1_999)).toBe(1);
    expect(throttle.waitFor(KEY, T0 + 2_000)).toBe(0);
    expect(throttle.waitFor(KEY, T0 + 30_000)).toBe(0);
  });

  it("restarts the lock at the time of a later failure", () => {
    const throttle = new SignInThrottle(POLICY);
    fail(throttle, POLICY.freeFailures); // a 1 s lock from T0
    throttle.recordFailure(KEY, T0 + 10_000); // now a 2 s lock from T0 + 10 s
    expect(throttle.waitFor(KEY, T0 + 10_000)).toBe(2_000);
    expect(throttle.waitFor(KEY, T0 + 11_000)).toBe(1_000);
  });

  it("forgets everything on reset", () => {
    const throttle = new SignInThrottle(POLICY);
    fail(throttle, POLICY.freeFailures + 2);
    expect(throttle.waitFor(KEY, T0)).toBeGreaterThan(0);
    throttle.reset(KEY);
    expect(throttle.waitFor(KEY, T0)).toBe(0);
    // Counting starts over: the free failures are free again.
    fail(throttle, POLICY.freeFailures - 1);
    expect(throttle.waitFor(KEY, T0)).toBe(0);
  });

  it("forgets failures older than windowMs", () => {
    const throttle = new SignInThrottle(POLICY);
    fail(throttle, POLICY.freeFailures + 2);
    const later = T0 + POLICY.windowMs + 1;
    expect(throttle.waitFor(KEY, later)).toBe(0);
    // A new failure after the window counts from one again, not on top of the old ones.
    throttle.recordFailure(KEY, later);
    fail(throttle, POLICY.freeFailures - 2, later);
    expect(throttle.waitFor(KEY, later)).toBe(0);
    throttle.recordFailure(KEY, later);
    expect(throttle.waitFor(KEY, later)).toBe(POLICY.firstLockMs);
  });

  it("keeps failures within windowMs of the last one", () => {
    const throttle = new SignInThrottle(POLICY);
    // Each failure lands within the window of the previous one, so none is forgotten.
    for (let index = 0; index < POLICY.freeFailures; index += 1) {
      throttle.recordFailure(KEY, T0 + index * (POLICY.windowMs - 1));
    }
    const last = T0 + (POLICY.freeFailures - 1) * (POLICY.windowMs - 1);
    expect(throttle.waitFor(KEY, last)).toBe(POLICY.firstLockMs);
  });

  it("keeps keys apart", () => {
    const throttle = new SignInThrottle(POLICY);
    fail(throttle, POLICY.freeFailures + 3);
    expect(throttle.waitFor(KEY, T0)).toBeGreaterThan(0);
    expect(throttle.waitFor("someone-else@example.com", T0)).toBe(0);
  });
});

describe("ACCOUNT_POLICY", () => {
  it("allows 3 failures, then locks the account on the 4th for 30 s, doubling to at most 15 min", () => {
    const throttle = new SignInThrottle(ACCOUNT_POLICY);
    fail(throttle, 3);
    expect(throttle.waitFor(KEY, T0)).toBe(0);
    throttle.recordFailure(KEY, T0);
    expect(throttle.waitFor(KEY, T0)).toBe(30_000);
    throttle.recordFailure(KEY, T0);
    expect(throttle.waitFor(KEY, T0)).toBe(60_000);
    fail(throttle, 20);
    expect(throttle.waitFor(KEY, T0)).toBe(15 * 60_000);
  });

  it("forgets an account's failures after an hour", () => {
    const throttle = new SignInThrottle(ACCOUNT_POLICY);
    fail(throttle, 10);
    expect(throttle.waitFor(KEY, T0 + 60 * 60_000 + 1)).toBe(0);
  });
});

describe("IP_POLICY", () => {
  it("allows 19 failures from one address, then locks it on the 20th for 1 min, doubling to at most 30 min", () => {
    const throttle = new SignInThrottle(IP_POLICY);
    const ip = "203.0.113.7";
    fail(throttle, 19, T0, ip);
    expect(throttle.waitFor(ip, T0)).toBe(0);
    throttle.recordFailure(ip, T0);
    expect(throttle.waitFor(ip, T0)).toBe(60_000);
    throttle.recordFailure(ip, T0);
    expect(throttle.waitFor(ip, T0)).toBe(120_000);
    fail(throttle, 20, T0, ip);
    expect(throttle.waitFor(ip, T0)).toBe(30 * 60_000);
  });
});

describe("memory", () => {
  it("stays bounded after 100,000 distinct keys, keeping the most recent", () => {
    const throttle = new SignInThrottle(POLICY, 10_000);
    for (let index = 0; index < 100_000; index += 1) throttle.recordFailure(`guess-${index}@example.com`, T0);
    expect(throttle.size).toBe(10_000);
    fail(throttle, POLICY.freeFailures - 1, T0, "guess-99999@example.com");
    expect(throttle.waitFor("guess-99999@example.com", T0)).toBe(POLICY.firstLockMs);
  });

  it("caps the length of a key, so a huge email costs no more memory than a long one", () => {
    const throttle = new SignInThrottle(POLICY);
    const long = "x".repeat(THROTTLE_KEY_MAX);
    fail(throttle, POLICY.freeFailures, T0, `${long}first-tail`);
    // Another key with the same first THROTTLE_KEY_MAX characters is the same entry.
    expect(throttle.waitFor(`${long}another-tail`, T0)).toBe(POLICY.firstLockMs);
  });
});

describe("firstRefusal", () => {
  it("reports a lock once, not for every refused attempt, and again for the next lock", () => {
    const throttle = new SignInThrottle(POLICY);
    expect(throttle.firstRefusal(KEY, T0)).toBe(false);
    fail(throttle, POLICY.freeFailures);
    expect(throttle.firstRefusal(KEY, T0)).toBe(true);
    expect(throttle.firstRefusal(KEY, T0 + 10)).toBe(false);
    // The lock is over; the next failure starts a longer one, which is reported again.
    throttle.recordFailure(KEY, T0 + POLICY.firstLockMs);
    expect(throttle.firstRefusal(KEY, T0 + POLICY.firstLockMs)).toBe(true);
  });
});
