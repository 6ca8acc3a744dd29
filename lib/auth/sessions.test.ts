import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CommitGate } from "@/tests/helpers/commit-gate";
import { setDisabled, upsertUser } from "@/lib/users/users";
import { authOptions } from "./auth-options";
import { endSession, liveSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, startSession } from "./sessions";

let counter = 0;
async function newReviewer(): Promise<string> {
  counter += 1;
  return upsertUser({
    email: `session-${counter}-${process.pid}@example.com`,
    name: "Sam Session",
    password: "a long enough password",
    role: "reviewer",
  });
}

/** What /api/auth/session (and getServerSession) does with a still-valid cookie: renew it through the jwt callback. */
function renew(token: JWT): Promise<JWT> {
  const jwt = authOptions.callbacks!.jwt!;
  return Promise.resolve(jwt({ token, account: null, user: undefined as never, trigger: undefined }));
}

describe("sessions", () => {
  it("lets a session's own person through until it is ended at sign-out, then never again", async () => {
    const userId = await newReviewer();
    const sessionId = await startSession(userId);
    expect(await liveSession(sessionId, userId)).toMatchObject({ userId, role: "reviewer", partnerId: null });
    // The same session id presented for someone else is not theirs.
    expect(await liveSession(sessionId, "usr_someone_else")).toBeNull();

    await authOptions.events!.signOut!({ token: { sub: userId, sid: sessionId }, session: undefined as never });
    expect(await liveSession(sessionId, userId)).toBeNull();
    // The cookie replayed after sign-out: renewing it is refused too.
    await expect(renew({ sub: userId, sid: sessionId })).rejects.toThrow();
  });

  it("refuses a session past its absolute lifetime, even when renewed just before", async () => {
    const userId = await newReviewer();
    const signedInAt = new Date(Date.now() - SESSION_ABSOLUTE_MS + 60_000);
    const sessionId = await startSession(userId, signedInAt);
    // The person has been working all along (a request a moment ago).
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
    // A minute before the end, renewing works (as /api/auth/session does for an active person)…
    expect(await renew({ sub: userId, sid: sessionId })).toMatchObject({ sub: userId, sid: sessionId });
    // …and a minute after it, neither the renewal nor the request check lets it through.
    const later = new Date(Date.now() + 120_000);
    expect(await liveSession(sessionId, userId, later)).toBeNull();
    await db.userSession.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await liveSession(sessionId, userId)).toBeNull();
    await expect(renew({ sub: userId, sid: sessionId })).rejects.toThrow();
  });

  it("ends a session after an hour without a request, however fresh its cookie", async () => {
    const userId = await newReviewer();
    const at = new Date("2030-02-01T08:00:00Z");
    const sessionId = await startSession(userId, at);
    const minutesLater = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
    expect(await liveSession(sessionId, userId, minutesLater(59))).not.toBeNull();
    // Each request restarts the hour: used at 08:59 and 09:58, then nothing until 10:58.
    expect(await liveSession(sessionId, userId, minutesLater(59 + 59))).not.toBeNull();
    expect(await liveSession(sessionId, userId, minutesLater(59 + 59 + 60))).toBeNull();
    expect(SESSION_IDLE_MS).toBe(60 * 60 * 1000);
  });

  it("sets the absolute lifetime to 12 hours from sign-in", async () => {
    const userId = await newReviewer();
    const at = new Date("2030-01-01T08:00:00Z");
    const sessionId = await startSession(userId, at);
    const row = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.expiresAt.toISOString()).toBe("2030-01-01T20:00:00.000Z");
    // Busy all day: a request every 50 minutes keeps it from going idle…
    for (let minutes = 50; minutes < 12 * 60; minutes += 50) {
      expect(
        await liveSession(sessionId, userId, new Date(at.getTime() + minutes * 60_000)),
        `${minutes}`,
      ).not.toBeNull();
    }
    expect(await liveSession(sessionId, userId, new Date("2030-01-01T19:59:59Z"))).not.toBeNull();
    // …but not past the twelfth hour.
    expect(await liveSession(sessionId, userId, new Date("2030-01-01T20:00:00Z"))).toBeNull();
  });

  it("ends every session of an account when it is disabled, and enabling it does not revive them", async () => {
    const admin = await upsertUser({
      email: `session-admin-${process.pid}@example.com`,
      name: "Ada Admin",
      password: "a long enough password",
      role: "admin",
    });
    const userId = await newReviewer();
    const sessions = [await startSession(userId), await startSession(userId)];
    await setDisabled({ userId: admin, role: "admin", partnerId: null }, userId, true);
    for (const sessionId of sessions) expect(await liveSession(sessionId, userId)).toBeNull();
    expect(await db.userSession.count({ where: { userId, endedAt: null } })).toBe(0);
    await setDisabled({ userId: admin, role: "admin", partnerId: null }, userId, false);
    for (const sessionId of sessions) expect(await liveSession(sessionId, userId)).toBeNull();
    // A new sign-in works again.
    expect(await liveSession(await startSession(userId), userId)).not.toBeNull();
  });

  it("opens no session for an account being disabled at that moment, so enabling it later revives nothing", async () => {
    const admin = await upsertUser({
      email: `session-admin-${process.pid}@example.com`,
      name: "Ada Admin",
      password: "a long enough password",
      role: "admin",
    });
    const adminActor = { userId: admin, role: "admin" as const, partnerId: null };
    const userId = await newReviewer();

    // The account is being disabled: its sessions are ended, the change not yet committed.
    const gate = await CommitGate.close("User", `NEW."disabledAt" IS NOT NULL`);
    let started: PromiseSettledResult<string>;
    try {
      const disabling = setDisabled(adminActor, userId, true);
      await gate.waitForLockWaiters(1);
      // A sign-in whose password was checked a moment ago, while the account was enabled.
      const starting = startSession(userId);
      await gate.waitForSettledOrLockWaiters(starting, 2);
      await gate.open();
      await disabling;
      [started] = await Promise.allSettled([starting]);
    } finally {
      await gate.remove();
    }

    await setDisabled(adminActor, userId, false);
    if (started.status === "fulfilled") expect(await liveSession(started.value, userId)).toBeNull();
    expect(started.status).toBe("rejected");
    const reason = started.status === "rejected" ? started.reason : null;
    expect(reason).toBeInstanceOf(AppError);
    expect(reason).toMatchObject({ code: "unauthorized", status: 401 });
    expect(await db.userSession.count({ where: { userId, endedAt: null } })).toBe(0);
  });

  it("refuses a token without a session id, or with one that was never issued", async () => {
    const userId = await newReviewer();
    expect(await liveSession(undefined, userId)).toBeNull();
    expect(await liveSession("ses_made_up", userId)).toBeNull();
    await expect(renew({ sub: userId })).rejects.toThrow();
    await endSession("ses_made_up"); // ending an unknown session changes nothing
  });
});
