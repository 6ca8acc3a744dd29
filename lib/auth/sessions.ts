import "server-only";
import crypto from "node:crypto";
import { cache } from "react";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { isRole, type Role } from "./roles";

/** However active, a session ends this long after sign-in: a stolen cookie is worth half a working day at most. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/** A session with no request for this long is over: a screen left signed in is not left open for long. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;

/** lastSeenAt is written at most this often per session, not on every request. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

/** A session id is 256 random bits: the cookie names it, and guessing one must be hopeless. */
function newSessionId(): string {
  return `ses_${crypto.randomBytes(32).toString("base64url")}`;
}

/**
 * Opens a session for a person who just proved who they are; the session cookie carries its id.
 * Refused (as sign-in refuses a disabled account) when the account is disabled by now: sign-in
 * read it enabled a moment ago, and disabling ends only the sessions it can see. So the account
 * row is locked FOR SHARE while the session is written: a disabling in flight is waited for and
 * then seen here, and one that starts later waits for this session and ends it. Without the lock
 * (READ COMMITTED), a session written between the disabling's end of sessions and its commit
 * would outlive it, and come back to life when the account is enabled again.
 */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const id = newSessionId();
  await db.$transaction(async (tx) => {
    const enabled = await tx.$queryRaw<unknown[]>`
      SELECT id FROM "User" WHERE id = ${userId} AND "disabledAt" IS NULL FOR SHARE`;
    if (enabled.length === 0) throw new AppError("unauthorized", 401, "wrongCredentials");
    await tx.userSession.create({
      data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
    });
  });
  return id;
}

/** The person behind a session that is still open: not ended, not past its lifetime, account enabled. */
export interface SessionUser {
  userId: string;
  role: Role;
  partnerId: string | null;
  name: string;
  email: string;
  partnerName: string | null;
  /** The portal language the person chose; null: their browser's. */
  locale: Locale | null;
}

/**
 * The session's person if the session may still be used (not ended, used within the idle lifetime,
 * younger than the absolute one, account enabled); otherwise null. Asked on every request
 * (and whenever the session cookie is renewed), so ending a session on the server ends it everywhere.
 */
export async function liveSession(sessionId: unknown, userId: unknown, now = new Date()): Promise<SessionUser | null> {
  if (typeof sessionId !== "string" || typeof userId !== "string" || sessionId.length > 100) return null;
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      createdAt: true,
      expiresAt: true,
      lastSeenAt: true,
      endedAt: true,
      user: {
        select: {
          id: true,
          role: true,
          partnerId: true,
          name: true,
          email: true,
          disabledAt: true,
          sessionsValidAfter: true,
          locale: true,
          partner: { select: { name: true } },
        },
      },
    },
  });
  if (!session || session.userId !== userId || session.endedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) return null;
  const { user } = session;
  if (user.disabledAt || !isRole(user.role)) return null;
  // Kept from before sessions had rows: a cut-off set on the account ends everything signed in earlier.
  if (user.sessionsValidAfter && session.createdAt < user.sessionsValidAfter) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    // Only forward, so a slower request cannot move it back; idle sessions stay idle.
    await db.userSession.updateMany({
      where: { id: sessionId, lastSeenAt: { lt: now } },
      data: { lastSeenAt: now },
    });
  }
  return {
    userId: user.id,
    role: user.role,
    partnerId: user.partnerId,
    name: user.name,
    email: user.email,
    partnerName: user.partner?.name ?? null,
    locale: isLocale(user.locale) ? user.locale : null,
  };
}

/**
 * liveSession, asked once per request: a page request renews its session cookie (next-auth's jwt
 * callback) and then loads the person (getCurrentUser), and both ask the same question. Outside
 * a request (the /api/auth/session route handler) React's cache does not keep results, so each
 * call there still asks the database.
 */
export const liveSessionOfRequest = cache((sessionId: unknown, userId: unknown) => liveSession(sessionId, userId));

/** Ends one session (sign-out). Ending an ended or unknown session changes nothing. */
export async function endSession(sessionId: unknown, now = new Date()): Promise<void> {
  if (typeof sessionId !== "string" || sessionId.length > 100) return;
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

/** Ends every open session of a person (the account was disabled), in the caller's transaction. */
export async function endSessionsOf(tx: Prisma.TransactionClient, userId: string, now = new Date()): Promise<void> {
  await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}
