import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CommitGate } from "@/tests/helpers/commit-gate";
import {
  ACCOUNT_POLICY,
  IP_POLICY,
  SignInThrottle,
  THROTTLE_KEY_MAX,
  purgeExpiredSignInFailures,
  type ThrottlePolicy,
} from "./sign-in-throttle";

const POLICY: ThrottlePolicy = { freeFailures: 3, firstLockMs: 1_000, maxLockMs: 5_000, windowMs: 60_000 };
const T0 = 1_700_000_000_000;
const KEY = "someone@example.com";

// The counts live in this test file's database for all its tests, so each test counts in a scope
// of its own.
let scopes = 0;
function newThrottle(policy = POLICY, database: Pick<typeof db, "signInFailureCount"> = db): SignInThrottle {
  scopes += 1;
  return new SignInThrottle(`test-${scopes}`, policy, database);
}

/** Counts `count` attempts for `key`, all at `now`, each of which must be let through. */
async function fail(throttle: SignInThrottle, count: number, now = T0, key = KEY): Promise<void> {
  for (let index = 0; index < count; index += 1) expect(await throttle.claimAttempt(key, now)).toBe(0);
}

describe("SignInThrottle", () => {
  it("lets a key with no failures try at once", async () => {
    expect(await newThrottle().waitFor(KEY, T0)).toBe(0);
  });

  it("allows fewer than freeFailures failures without a wait", async () => {
    const throttle = newThrottle();
    for (let count = 1; count < POLICY.freeFailures; count += 1) {
      expect(await throttle.claimAttempt(KEY, T0)).toBe(0);
      expect(await throttle.waitFor(KEY, T0), `after ${count} failures`).toBe(0);
    }
  });

  it("locks once the free failures are used up, for firstLockMs, and refuses without counting", async () => {
    const throttle = newThrottle();
    await fail(throttle, POLICY.freeFailures);
    expect(await throttle.waitFor(KEY, T0)).toBe(POLICY.firstLockMs);
    expect(await throttle.claimAttempt(KEY, T0 + 100)).toBe(POLICY.firstLockMs - 100);
    // The refused attempt did not lengthen the lock.
    expect(await throttle.waitFor(KEY, T0 + 100)).toBe(POLICY.firstLockMs - 100);
  });

  it("doubles the lock with each further failure, up to maxLockMs", async () => {
    const throttle = newThrottle();
    await fail(throttle, POLICY.freeFailures);
    let now = T0;
    const locks = [await throttle.waitFor(KEY, now)];
    for (let extra = 0; extra < 5; extra += 1) {
      // Each failure is counted as soon as the lock before it is over.
      now += locks.at(-1)!;
      expect(await throttle.claimAttempt(KEY, now)).toBe(0);
      locks.push(await throttle.waitFor(KEY, now));
    }
    expect(locks).toEqual([1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
  });

  it("counts the lock from the last failure, so the wait shrinks with time and reaches 0", async () => {
    const throttle = newThrottle();
    await fail(throttle, POLICY.freeFailures);
    await fail(throttle, 1, T0 + POLICY.firstLockMs); // a 2 s lock from T0 + 1 s
    const last = T0 + POLICY.firstLockMs;
    expect(await throttle.waitFor(KEY, last)).toBe(2_000);
    expect(await throttle.waitFor(KEY, last + 500)).toBe(1_500);
    expect(await throttle.waitFor(KEY, last + 1_999)).toBe(1);
    expect(await throttle.waitFor(KEY, last + 2_000)).toBe(0);
    expect(await throttle.waitFor(KEY, last + 30_000)).toBe(0);
  });

  it("forgets everything on reset", async () => {
    const throttle = newThrottle();
    await fail(throttle, POLICY.freeFailures);
    expect(await throttle.waitFor(KEY, T0)).toBeGreaterThan(0);
    await throttle.reset(KEY);
    expect(await throttle.waitFor(KEY, T0)).toBe(0);
    // Counting starts over: the free failures are free again.
    await fail(throttle, POLICY.freeFailures - 1);
    expect(await throttle.waitFor(KEY, T0)).toBe(0);
  });

  it("takes back exactly one failure on forgiveOne", async () => {
    const throttle = newThrottle();
    await fail(throttle, POLICY.freeFailures);
    await throttle.forgiveOne(KEY);
    expect(await throttle.waitFor(KEY, T0)).toBe(0);
    await fail(throttle, 1);
    expect(await throttle.waitFor(KEY, T0)).toBe(POLICY.firstLockMs);
    // Forgiving the only failure leaves nothing behind.
    const other = newThrottle();
    await fail(other, 1);
    await other.forgiveOne(KEY);
    await other.forgiveOne(KEY);
    await fail(other, POLICY.freeFailures - 1);
    expect(await other.waitFor(KEY, T0)).toBe(0);
  });

  it("forgets failures older than windowMs", async () => {
    const throttle = newThrottle();
    await fail(throttle, POLICY.freeFailures);
    const later = T0 + POLICY.windowMs + 1;
    expect(await throttle.waitFor(KEY, later)).toBe(0);
    // A new failure after the window counts from one again, not on top of the old ones.
    await fail(throttle, POLICY.freeFailures - 1, later);
    expect(await throttle.waitFor(KEY, later)).toBe(0);
    await fail(throttle, 1, later);
    expect(await throttle.waitFor(KEY, later)).toBe(POLICY.firstLockMs);
  });

  it("keeps failures within windowMs of the last one", async () => {
    const throttle = newThrottle();
    // Each failure lands within the window of the previous one, so none is forgotten.
    for (let index = 0; index < POLICY.freeFailures; index += 1) {
      await fail(throttle, 1, T0 + index * (POLICY.windowMs - 1));
    }
    const last = T0 + (POLICY.freeFailures - 1) * (POLICY.windowMs - 1);
    expect(await throttle.waitFor(KEY, last)).toBe(POLICY.firstLockMs);
  });

  it("keeps keys and scopes apart", async () => {
    const throttle = newThrottle();
    await fail(throttle, POLICY.freeFailures);
    expect(await throttle.waitFor(KEY, T0)).toBeGreaterThan(0);
    expect(await throttle.waitFor("someone-else@example.com", T0)).toBe(0);
    expect(await newThrottle().waitFor(KEY, T0)).toBe(0);
  });

  it("caps the length of a key", async () => {
    const throttle = newThrottle();
    const long = "x".repeat(THROTTLE_KEY_MAX);
    await fail(throttle, POLICY.freeFailures, T0, `${long}first-tail`);
    // Another key with the same first THROTTLE_KEY_MAX characters is the same count.
    expect(await throttle.waitFor(`${long}another-tail`, T0)).toBe(POLICY.firstLockMs);
  });

  it("lets at most freeFailures of many parallel attempts through", async () => {
    const throttle = newThrottle();
    const waits = await Promise.all(Array.from({ length: 30 }, () => throttle.claimAttempt(KEY, T0)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(POLICY.freeFailures);
    expect(waits.filter((wait) => wait === POLICY.firstLockMs)).toHaveLength(30 - POLICY.freeFailures);
  });
});

describe("ACCOUNT_POLICY", () => {
  it("allows 3 failures, then locks the account on the 4th for 30 s, doubling to at most 15 min", async () => {
    const throttle = newThrottle(ACCOUNT_POLICY);
    await fail(throttle, 3);
    expect(await throttle.waitFor(KEY, T0)).toBe(0);
    await fail(throttle, 1);
    expect(await throttle.waitFor(KEY, T0)).toBe(30_000);
    await fail(throttle, 1, T0 + 30_000);
    expect(await throttle.waitFor(KEY, T0 + 30_000)).toBe(60_000);
    let now = T0 + 30_000;
    for (let extra = 0; extra < 10; extra += 1) {
      now += await throttle.waitFor(KEY, now);
      await fail(throttle, 1, now);
    }
    expect(await throttle.waitFor(KEY, now)).toBe(15 * 60_000);
  });

  it("forgets an account's failures after an hour", async () => {
    const throttle = newThrottle(ACCOUNT_POLICY);
    await fail(throttle, 4);
    expect(await throttle.waitFor(KEY, T0 + 60 * 60_000 + 1)).toBe(0);
  });
});

describe("IP_POLICY", () => {
  it("allows 19 failures from one address, then locks it on the 20th for 1 min, doubling to at most 30 min", async () => {
    const throttle = newThrottle(IP_POLICY);
    const ip = "203.0.113.7";
    await fail(throttle, 19, T0, ip);
    expect(await throttle.waitFor(ip, T0)).toBe(0);
    await fail(throttle, 1, T0, ip);
    expect(await throttle.waitFor(ip, T0)).toBe(60_000);
    await fail(throttle, 1, T0 + 60_000, ip);
    expect(await throttle.waitFor(ip, T0 + 60_000)).toBe(120_000);
    let now = T0 + 60_000;
    for (let extra = 0; extra < 10; extra += 1) {
      now += await throttle.waitFor(ip, now);
      await fail(throttle, 1, now, ip);
    }
    expect(await throttle.waitFor(ip, now)).toBe(30 * 60_000);
  });
});

describe("firstRefusal", () => {
  it("reports a lock once, not for every refused attempt, and again for the next lock", async () => {
    const throttle = newThrottle();
    expect(await throttle.firstRefusal(KEY, T0)).toBe(false);
    await fail(throttle, POLICY.freeFailures);
    expect(await throttle.firstRefusal(KEY, T0)).toBe(true);
    expect(await throttle.firstRefusal(KEY, T0 + 10)).toBe(false);
    // The lock is over; the next failure starts a longer one, which is reported again.
    await fail(throttle, 1, T0 + POLICY.firstLockMs);
    expect(await throttle.firstRefusal(KEY, T0 + POLICY.firstLockMs)).toBe(true);
  });
});

describe("purgeExpiredSignInFailures", () => {
  it("deletes counts older than the longest window and keeps the rest", async () => {
    const throttle = newThrottle(ACCOUNT_POLICY);
    const longest = Math.max(ACCOUNT_POLICY.windowMs, IP_POLICY.windowMs);
    await fail(throttle, 1, T0, "old");
    await fail(throttle, 1, T0 + 1, "recent");
    expect(await purgeExpiredSignInFailures(T0 + longest + 1)).toBeGreaterThanOrEqual(1);
    const left = await db.signInFailureCount.findMany({ where: { key: { in: ["old", "recent"] } } });
    expect(left.map((row) => row.key)).toEqual(["recent"]);
  });
});

describe("across processes", () => {
  // Another app process has its own Prisma client and connection to the same database.
  const otherProcess = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
  });
  afterAll(() => otherProcess.$disconnect());

  it("sees the failures counted by another and shares one allowance with it", async () => {
    const here = newThrottle();
    const there = new SignInThrottle(`test-${scopes}`, POLICY, otherProcess);
    await fail(here, POLICY.freeFailures - 1);
    await fail(there, 1);
    expect(await here.waitFor(KEY, T0)).toBe(POLICY.firstLockMs);
    expect(await there.claimAttempt(KEY, T0)).toBe(POLICY.firstLockMs);
    expect(await here.firstRefusal(KEY, T0)).toBe(true);
    expect(await there.firstRefusal(KEY, T0)).toBe(false);
  });

  it("counts an attempt on top of one that another process is committing, never in its place", async () => {
    const here = newThrottle();
    const there = new SignInThrottle(`test-${scopes}`, POLICY, otherProcess);
    await fail(here, 1);
    // This process's count (1 → 2) is held at its commit; the other reads 1 meanwhile.
    const gate = await CommitGate.close("SignInFailureCount");
    let waits: number[];
    try {
      const first = here.claimAttempt(KEY, T0 + 1);
      await gate.waitForLockWaiters(1);
      const second = there.claimAttempt(KEY, T0 + 2);
      await gate.waitForSettledOrLockWaiters(second, 2);
      await gate.open();
      waits = await Promise.all([first, second]);
    } finally {
      await gate.remove();
    }
    expect(waits).toEqual([0, 0]);
    const row = await db.signInFailureCount.findUniqueOrThrow({
      where: { scope_key: { scope: `test-${scopes}`, key: KEY } },
    });
    expect(row.failures).toBe(3);
  });
});
