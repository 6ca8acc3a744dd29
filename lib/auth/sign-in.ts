import "server-only";
import crypto from "node:crypto";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import { clientAddressSubject, SIGN_IN_FAILURE_REASONS, unknownEmailActorLabel } from "@/lib/audit/audit-words";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { accountFromAddressThrottle, addressThrottle } from "./sign-in-throttle";
import { hashPassword, verifyPassword } from "./passwords";
import { addressForThrottling } from "@/lib/net/client-address";

/** The longest email there is; anything longer is cut before it is kept anywhere. */
const EMAIL_MAX = 254;

// Checked against when the email is unknown, so both answers take as long as a real check.
let dummyHash: Promise<string> | null = null;

/** What a typed email becomes before it is kept: a keyed hash, apart for each use (`purpose`). */
function keyedDigest(purpose: string, text: string): string {
  return crypto.createHmac("sha256", env.authSecret).update(`${purpose}\0${text}`).digest("hex");
}

function throttled(waitMs: number): AppError {
  const minutes = Math.ceil(waitMs / 60_000);
  return new AppError("rate_limited", 429, { key: "signInThrottled", values: { minutes } });
}

function wrongCredentials(): AppError {
  return new AppError("unauthorized", 401, "wrongCredentials");
}

/**
 * Who tried to sign in, for the audit trail. A known account by its name and email; an unknown
 * email only by a keyed hash: people type passwords into the email box, and an append-only
 * table can never forget one. The hash still shows the same unknown email being tried again.
 */
function attemptActor(email: string, user: { id: string; name: string; email: string } | null): AuditActor {
  if (user) return { type: "user", id: user.id, label: `${user.name} <${user.email}>` };
  const digest = keyedDigest("sign-in email", email);
  return { type: "user", id: "unknown", label: unknownEmailActorLabel(digest.slice(0, 16)) };
}

/**
 * The throttle's key for an account tried from one address. Kept in the database, so the email
 * is kept only as a keyed hash, like an unknown email in the audit trail: people type passwords
 * into the email box.
 */
function accountFromAddressKey(address: string, account: string): string {
  return `${address} ${keyedDigest("sign-in throttle", `${address}\n${account}`)}`;
}

/**
 * Refuses an attempt while either of its keys is locked, without counting it; otherwise counts
 * it against both, before the (slow) check, so that guesses sent in parallel cannot all slip in
 * before the first failure is recorded. Answers the wait, 0 when the attempt was counted.
 */
async function claimAttempt(pairKey: string, address: string): Promise<number> {
  // A locked address is refused on a read alone: a refused flood must stay cheap.
  const addressWait = await addressThrottle.waitFor(address);
  if (addressWait > 0) return Math.max(addressWait, await accountFromAddressThrottle.waitFor(pairKey));
  const pairWait = await accountFromAddressThrottle.claimAttempt(pairKey);
  if (pairWait > 0) return pairWait;
  const lockedMeanwhile = await addressThrottle.claimAttempt(address);
  // Another attempt locked the address since it was read: this one is refused, so it counts nowhere.
  if (lockedMeanwhile > 0) await accountFromAddressThrottle.forgiveOne(pairKey);
  return lockedMeanwhile;
}

/**
 * Checks an email and password and answers with the person's id, or refuses with an AppError
 * (401 for wrong credentials, 429 when throttled). Failures are counted per account from one
 * client address (so an attacker elsewhere never locks the owner out) and per client address
 * (so one address cannot spread guesses over many accounts).
 */
export async function signInWithPassword(email: string, password: string, clientAddress: string): Promise<string> {
  const account = email.trim().toLowerCase().slice(0, EMAIL_MAX);
  const address = addressForThrottling(clientAddress.slice(0, 64));
  const pairKey = accountFromAddressKey(address, account);
  const wait = await claimAttempt(pairKey, address);
  if (wait > 0) {
    // One event per lock, not per refused attempt: a refused flood stays cheap.
    const pairNoted = await accountFromAddressThrottle.firstRefusal(pairKey);
    const addressNoted = await addressThrottle.firstRefusal(address);
    if (pairNoted || addressNoted) {
      const user = await db.user.findUnique({
        where: { email: account },
        select: { id: true, name: true, email: true },
      });
      await recordAuditEvent({
        actor: attemptActor(account, user),
        action: "sign_in.throttled",
        subject: clientAddressSubject(address),
      });
    }
    throw throttled(wait);
  }

  // Counted as a failure already (claimAttempt); a right password takes it back.
  const user = await db.user.findUnique({ where: { email: account } });
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !matches || user.disabledAt) {
    await recordAuditEvent({
      actor: attemptActor(account, user),
      action: "sign_in.failed",
      partnerId: user?.partnerId ?? null,
      subject: clientAddressSubject(address),
      reason:
        SIGN_IN_FAILURE_REASONS[!user ? "unknown_email" : user.disabledAt ? "account_disabled" : "wrong_password"],
    });
    throw wrongCredentials();
  }
  await accountFromAddressThrottle.reset(pairKey);
  await addressThrottle.forgiveOne(address);
  await recordAuditEvent({
    actor: attemptActor(account, user),
    action: "sign_in.succeeded",
    partnerId: user.partnerId,
    subject: clientAddressSubject(address),
  });
  return user.id;
}
