import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { upsertUser } from "@/lib/users/users";
import { newPartner } from "@/tests/helpers/partner-api";
import { ACCOUNT_POLICY } from "./sign-in-throttle";
import { englishOf } from "@/tests/helpers/said";
import { signInWithPassword } from "./sign-in";

const PASSWORD = "correct horse battery staple";
const WRONG_CREDENTIALS = "Email or password is incorrect.";
const THROTTLED = /^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/;

// The throttle lives on globalThis for the whole test file, so every test uses its own email
// addresses and IP addresses.
let counter = 0;
function uniqueEmail(): string {
  counter += 1;
  return `user-${counter}-${process.pid}@example.com`;
}
function uniqueIp(): string {
  counter += 1;
  return `198.51.${Math.floor(counter / 256)}.${counter % 256}`;
}

type Outcome = { ok: true; userId: string } | { ok: false; message: string };

/** One attempt as the sign-in form sees it: the user's id, or the refusal's message. */
async function signIn(email: string, password: string, ip: string): Promise<Outcome> {
  try {
    return { ok: true, userId: await signInWithPassword(email, password, ip) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: englishOf(error) };
    throw error;
  }
}

async function newReviewer(email = uniqueEmail(), password = PASSWORD): Promise<{ id: string; email: string }> {
  const id = await upsertUser({ email, name: "Rita Reviewer", password, role: "reviewer" });
  return { id, email };
}

describe("signInWithPassword", () => {
  it("signs in with the right password and answers with the user's id", async () => {
    const user = await newReviewer();
    expect(await signIn(user.email, PASSWORD, uniqueIp())).toEqual({ ok: true, userId: user.id });
  });

  it("answers a wrong password and an unknown email in the same words", async () => {
    const user = await newReviewer();
    const wrongPassword = await signIn(user.email, "not the password at all", uniqueIp());
    const unknownEmail = await signIn(uniqueEmail(), PASSWORD, uniqueIp());
    expect(wrongPassword).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("treats the email case-insensitively and ignores surrounding spaces", async () => {
    const lower = uniqueEmail();
    const id = await upsertUser({
      email: `  ${lower.toUpperCase()} `,
      name: "Casey",
      password: PASSWORD,
      role: "admin",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).email).toBe(lower);
    expect(await signIn(lower, PASSWORD, uniqueIp())).toEqual({ ok: true, userId: id });
    expect(await signIn(` ${lower.toUpperCase()}  `, PASSWORD, uniqueIp())).toEqual({
      ok: true,
      userId: id,
    });
  });

  it("refuses a disabled user with the same words as a wrong password", async () => {
    const user = await newReviewer();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await signIn(user.email, PASSWORD, uniqueIp())).toEqual({
      ok: false,
      message: WRONG_CREDENTIALS,
    });
  });

  it("locks an account tried from one address after 4 failures, even for the right password, there only", async () => {
    const target = await newReviewer();
    const bystander = await newReviewer();
    const attacker = uniqueIp();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await signIn(target.email, `wrong guess ${attempt}`, attacker)).toEqual({
        ok: false,
        message: WRONG_CREDENTIALS,
      });
    }
    expect((await signIn(target.email, "wrong guess 4", attacker)).ok).toBe(false);

    const locked = await signIn(target.email, PASSWORD, attacker);
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.message).toMatch(THROTTLED);

    expect(await signIn(bystander.email, PASSWORD, attacker)).toEqual({ ok: true, userId: bystander.id });
  });

  it("does not let an attacker hammering an account from one address lock out its owner at another", async () => {
    const reviewer = await newReviewer();
    const attacker = uniqueIp();
    for (let attempt = 0; attempt < 15; attempt += 1) await signIn(reviewer.email, `guess ${attempt}`, attacker);
    const attackerNow = await signIn(reviewer.email, PASSWORD, attacker);
    expect(attackerNow.ok).toBe(false);
    if (!attackerNow.ok) expect(attackerNow.message).toMatch(THROTTLED);

    expect(await signIn(reviewer.email, PASSWORD, uniqueIp())).toEqual({ ok: true, userId: reviewer.id });
  });

  it("counts failures against the account whatever the case of the email", async () => {
    const user = await newReviewer();
    const ip = uniqueIp();
    const variants = [user.email, user.email.toUpperCase(), ` ${user.email} `, user.email.replace("user", "USER")];
    for (const variant of variants) await signIn(variant, "a wrong password", ip);
    const result = await signIn(user.email, PASSWORD, ip);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(THROTTLED);
  });

  it("locks an unknown email the same way as a known one, so a lock does not reveal an account", async () => {
    const unknown = uniqueEmail();
    const ip = uniqueIp();
    for (let attempt = 0; attempt < 4; attempt += 1) await signIn(unknown, "a guess", ip);
    const result = await signIn(unknown, "a guess", ip);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(THROTTLED);
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const user = await newReviewer();
    const ip = uniqueIp();
    for (let attempt = 0; attempt < 3; attempt += 1) await signIn(user.email, "a wrong password", ip);
    expect((await signIn(user.email, PASSWORD, ip)).ok).toBe(true);
    // Had the 3 failures been kept, one more would lock the account.
    for (let attempt = 0; attempt < 3; attempt += 1) await signIn(user.email, "a wrong password", ip);
    expect(await signIn(user.email, PASSWORD, ip)).toEqual({ ok: true, userId: user.id });
  });

  it("locks an IP address after 20 failures, for every account", async () => {
    const ip = uniqueIp();
    const user = await newReviewer();
    // 20 different unknown accounts, so no account lock is reached.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      expect(await signIn(uniqueEmail(), "a guess", ip)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    }
    const fromLockedIp = await signIn(user.email, PASSWORD, ip);
    expect(fromLockedIp.ok).toBe(false);
    if (!fromLockedIp.ok) expect(fromLockedIp.message).toMatch(THROTTLED);
    expect(await signIn(user.email, PASSWORD, uniqueIp())).toEqual({ ok: true, userId: user.id });
  });

  it("counts an IPv6 /64 as one address, so rotating through its addresses buys no new guesses", async () => {
    counter += 1;
    const network = `2001:db8:${counter.toString(16)}:1`;
    const user = await newReviewer();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const guess = await signIn(user.email, "a guess", `${network}::${(attempt + 1).toString(16)}`);
      expect(guess).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    }
    const fromAnotherAddressOfTheSameNetwork = await signIn(user.email, PASSWORD, `${network}:ab:cd:ef:99`);
    expect(fromAnotherAddressOfTheSameNetwork.ok).toBe(false);
    if (!fromAnotherAddressOfTheSameNetwork.ok) expect(fromAnotherAddressOfTheSameNetwork.message).toMatch(THROTTLED);
    // Another subscriber's network is not held up.
    expect(await signIn(user.email, PASSWORD, `2001:db8:${counter.toString(16)}:2::1`)).toEqual({
      ok: true,
      userId: user.id,
    });
  });
});

describe("upsertUser", () => {
  it("stores an argon2id hash, never the password", async () => {
    const user = await newReviewer();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
  });

  it("updates the account with the same email, replacing the password", async () => {
    const email = uniqueEmail();
    const first = await upsertUser({ email, name: "First", password: PASSWORD, role: "reviewer" });
    const newPassword = "an entirely new password";
    const second = await upsertUser({
      email: email.toUpperCase(),
      name: " Second ",
      password: newPassword,
      role: "admin",
    });
    expect(second).toBe(first);
    expect(await db.user.count({ where: { email } })).toBe(1);
    const row = await db.user.findUniqueOrThrow({ where: { id: first } });
    expect(row).toMatchObject({ name: "Second", role: "admin", partnerId: null });
    expect((await signIn(email, PASSWORD, uniqueIp())).ok).toBe(false);
    expect(await signIn(email, newPassword, uniqueIp())).toEqual({ ok: true, userId: first });
  });

  it("stores a partner user with its partner", async () => {
    const partner = await newPartner();
    const id = await upsertUser({
      email: uniqueEmail(),
      name: "Pat Partner",
      password: PASSWORD,
      role: "partner_user",
      partnerId: partner.partnerId,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      role: "partner_user",
      partnerId: partner.partnerId,
    });
  });

  it.each(["partner_admin", "partner_user"] as const)("refuses a %s without a partner", async (role) => {
    const email = uniqueEmail();
    const attempt = upsertUser({ email, name: "No Partner", password: PASSWORD, role });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "validation_error", status: 400 });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it.each(["reviewer", "admin"] as const)("refuses a %s with a partner", async (role) => {
    const partner = await newPartner();
    const email = uniqueEmail();
    const attempt = upsertUser({ email, name: "With Partner", password: PASSWORD, role, partnerId: partner.partnerId });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "validation_error",
      status: 400,
      details: [expect.objectContaining({ field: "partnerId" })],
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a password shorter than 12 characters", async () => {
    const email = uniqueEmail();
    const attempt = upsertUser({ email, name: "Short", password: "elevenchars", role: "reviewer" });
    await expect(attempt).rejects.toMatchObject({
      code: "validation_error",
      status: 400,
      details: [expect.objectContaining({ field: "password", code: "too_short" })],
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
    // Exactly 12 is enough.
    await expect(upsertUser({ email, name: "Twelve", password: "twelve chars", role: "reviewer" })).resolves.toMatch(
      /^usr_[0-9a-f]{32}$/,
    );
  });
});

describe("guesses sent in parallel", () => {
  it("cannot get past the lock by all arriving before the first failure is counted", async () => {
    const email = "parallel-guesses@example.com";
    const id = await upsertUser({
      email,
      name: "Parallel Target",
      password: "correct-horse-battery",
      role: "reviewer",
    });
    const attacker = "10.9.9.9";
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) => signIn(email, `wrong-guess-${index}`, attacker)),
    );
    const checked = results.filter((result) => !result.ok && result.message === WRONG_CREDENTIALS);
    expect(checked.length).toBeLessThanOrEqual(ACCOUNT_POLICY.freeFailures);
    expect(
      results.filter((result) => !result.ok && /Too many failed sign-in attempts/.test(result.message)).length,
    ).toBe(30 - checked.length);
    // The owner, elsewhere, is not locked out by any of it.
    expect(await signIn(email, "correct-horse-battery", "10.9.9.10")).toEqual({ ok: true, userId: id });
  });
});

describe("throttled attempts", () => {
  it("are audited once per lock, however many are refused", async () => {
    const user = await newReviewer();
    const ip = uniqueIp();
    for (let attempt = 0; attempt < ACCOUNT_POLICY.freeFailures; attempt += 1) await signIn(user.email, "a guess", ip);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const refused = await signIn(user.email, PASSWORD, ip);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.message).toMatch(THROTTLED);
    }
    const events = await db.auditEvent.findMany({
      where: { action: "sign_in.throttled", subject: `client address ${ip}` },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.id });
  });
});

describe("failure counts", () => {
  it("keep what was typed in the email box only as a keyed hash", async () => {
    const typed = `a-password-typed-as-email-${process.pid}`;
    await signIn(typed, "a guess", uniqueIp());
    const counts = await db.signInFailureCount.findMany();
    expect(counts.length).toBeGreaterThan(0);
    expect(JSON.stringify(counts)).not.toContain(typed);
  });
});

describe("several app processes", () => {
  const run = promisify(execFile);

  /** One attempt made by another process on this test file's database. */
  async function signInElsewhere(email: string, password: string, ip: string): Promise<Outcome> {
    const { stdout } = await run(
      "npx",
      ["tsx", "--tsconfig", "tsconfig.server.json", "tests/fixtures/sign-in-attempt.ts", email, password, ip],
      { env: process.env },
    );
    return JSON.parse(stdout) as Outcome;
  }

  it("share one count: failures made in this process lock the account in another", async () => {
    const user = await newReviewer();
    const ip = uniqueIp();
    for (let attempt = 0; attempt < ACCOUNT_POLICY.freeFailures; attempt += 1) {
      expect(await signIn(user.email, "a guess", ip)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    }
    const elsewhere = await signInElsewhere(user.email, PASSWORD, ip);
    expect(elsewhere.ok).toBe(false);
    if (!elsewhere.ok) expect(elsewhere.message).toMatch(THROTTLED);
    // The same process, for comparison, signs the owner in from another address.
    expect(await signInElsewhere(user.email, PASSWORD, uniqueIp())).toEqual({ ok: true, userId: user.id });
  }, 60_000);
});
