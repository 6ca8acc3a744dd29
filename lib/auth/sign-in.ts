import "server-only";
import { db } from "@/lib/db";
import { ACCOUNT_POLICY, IP_POLICY, SignInThrottle } from "./sign-in-throttle";
import { hashPassword, verifyPassword } from "./passwords";

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

export type SignInResult = { ok: true; userId: string } | { ok: false; message: string };

const globalForThrottle = globalThis as unknown as {
  axisfiSignInThrottles?: { account: SignInThrottle; ip: SignInThrottle };
};
const throttles = (globalForThrottle.axisfiSignInThrottles ??= {
  account: new SignInThrottle(ACCOUNT_POLICY),
  ip: new SignInThrottle(IP_POLICY),
});

// Checked against when the email is unknown, so both answers take as long as a real check.
let dummyHash: Promise<string> | null = null;

function throttledMessage(waitMs: number): string {
  const minutes = Math.ceil(waitMs / 60_000);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Checks an email and password, slowing down repeated failures per account and per IP address. */
export async function signInWithPassword(email: string, password: string, ip: string): Promise<SignInResult> {
  const accountKey = email.trim().toLowerCase();
  const wait = Math.max(throttles.account.waitFor(accountKey), throttles.ip.waitFor(ip));
  if (wait > 0) return { ok: false, message: throttledMessage(wait) };

  // Every attempt counts as a failure before the (slow) check, so that guesses sent in parallel
  // cannot all slip in before the first failure is recorded; a right password takes it back.
  throttles.account.recordFailure(accountKey);
  throttles.ip.recordFailure(ip);
  const user = await db.user.findUnique({ where: { email: accountKey } });
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !matches || user.disabledAt) return { ok: false, message: WRONG_CREDENTIALS };
  throttles.account.reset(accountKey);
  throttles.ip.forgiveOne(ip);
  return { ok: true, userId: user.id };
}
