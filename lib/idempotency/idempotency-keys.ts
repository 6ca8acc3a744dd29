import "server-only";
import { openStored, seal } from "@/lib/crypto/personal-data";
import { db, isUniqueViolation, livenessLock, ownerIsGone, rawQuery } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { describeError, logEvent } from "@/lib/log";
import { SERVER_TIMEOUTS } from "@/lib/net/http-server";

/** How long a partner's Idempotency-Key replays its first response. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_KEY_MAX = 255;

/**
 * The largest response body kept for replay (before sealing). The largest valid customer (20
 * representatives, every text field at its longest in three-byte characters) answers with about
 * 111 KB (tests/bounded-errors.test.ts); an error body is bounded far below that by the API's error
 * mapper (at most 100 field errors, each field path cut short). So 512 KB leaves room for the
 * schema to grow, while one row can no longer hold megabytes for 24 hours.
 */
export const MAX_STORED_RESPONSE_BYTES = 512 * 1024;

function fitsStorage(body: string): boolean {
  // Cheap first: a UTF-8 byte is at least one UTF-16 unit and at most three per unit.
  return body.length * 3 <= MAX_STORED_RESPONSE_BYTES || Buffer.byteLength(body) <= MAX_STORED_RESPONSE_BYTES;
}

export type IdempotencyScope = "api" | "draft";

/** A request that claims an Idempotency-Key: the key and a hash of the request body. */
export interface IdempotencyClaim {
  partnerId: string;
  /** api: the Idempotency-Key header; draft: a wizard draft's submission (its own namespace). */
  scope: IdempotencyScope;
  key: string;
  requestHash: string;
}

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
}

export async function findStoredResponse(claim: IdempotencyClaim): Promise<StoredResponse | null> {
  const row = await db.idempotencyKey.findUnique({
    where: { partnerId_scope_key: { partnerId: claim.partnerId, scope: claim.scope, key: claim.key } },
  });
  if (!row) return null;
  if (Date.now() - row.createdAt.getTime() > IDEMPOTENCY_WINDOW_MS) {
    await db.idempotencyKey.deleteMany({
      where: { partnerId: claim.partnerId, scope: claim.scope, key: claim.key, createdAt: row.createdAt },
    });
    return null;
  }
  return {
    requestHash: row.requestHash,
    status: row.responseStatus,
    body: openStored(row.responseBody, "idempotent_response", responseOwner(claim)),
  };
}

/** Whose a stored response is, for sealing it: the partner, the namespace and the key. */
export function responseOwner(claim: { partnerId: string; scope: string; key: string }): string {
  return `${claim.partnerId}\u0000${claim.scope}\u0000${claim.key}`;
}

/**
 * The row that records a response, written in the same transaction as the work it answers for.
 * The body is sealed whole: a created customer's answer echoes every ID number.
 */
export function storedResponseRow(claim: IdempotencyClaim, status: number, body: string) {
  if (!fitsStorage(body)) {
    throw new Error(`A response of ${Buffer.byteLength(body)} bytes is too large to keep for replay.`);
  }
  return {
    partnerId: claim.partnerId,
    scope: claim.scope,
    key: claim.key,
    requestHash: claim.requestHash,
    responseStatus: status,
    responseBody: seal(body, "idempotent_response", responseOwner(claim)),
  };
}

/**
 * Records a response on its own (an error, where no other write happened). Returns false when the
 * key already holds a response, which is then the one to give. A body too large to keep is not
 * kept: the refusal is given now, and a retry is refused again by the same checks.
 */
export async function storeResponse(claim: IdempotencyClaim, status: number, body: string): Promise<boolean> {
  if (!fitsStorage(body)) return true;
  try {
    await db.idempotencyKey.create({ data: storedResponseRow(claim, status, body) });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return false;
  }
}

/**
 * How long a claim holds at most. A request claims its key as soon as its headers have arrived;
 * its body must arrive within the server's request timeout, and each statement it then runs is cut
 * off after 30 s (lib/db.ts), so this is longer than any request runs. A claim that outlives it
 * anyway is taken over by the next request with the key: at worst the two run together, and the
 * stored response's primary key still lets only one of them write.
 */
export const CLAIM_TTL_MS = 2 * SERVER_TIMEOUTS.requestMs;

/**
 * How many keyed requests one partner may have under way in one process at once, and all
 * partners together. Each claim is a row only while its request runs, but without a cap a partner
 * opening many slow requests would grow the table (and this process's open requests) without limit
 * and crowd out everyone else. Counted per process: each process bounds what it holds open.
 */
export const MAX_IN_FLIGHT_PER_PARTNER = 1_000;
export const MAX_IN_FLIGHT = 10_000;

const globalForClaims = globalThis as unknown as {
  axisfiIdempotencyClaims?: { total: number; perPartner: Map<string, number> };
};
const inFlight = (globalForClaims.axisfiIdempotencyClaims ??= { total: 0, perPartner: new Map() });

function tooManyInFlight(): AppError {
  return new AppError("rate_limited", 429, "tooManyIdempotentRequests");
}

const CLAIM = `
  INSERT INTO "IdempotencyClaim" ("partnerId", "scope", "key", "owner", "claimedAt", "expiresAt")
  VALUES ($1, $2, $3, $4, now(), now() + $5::int * interval '1 millisecond')
  ON CONFLICT ("partnerId", "scope", "key") DO UPDATE
    SET "owner" = excluded."owner", "claimedAt" = excluded."claimedAt", "expiresAt" = excluded."expiresAt"
    WHERE "IdempotencyClaim"."expiresAt" <= now() OR ${ownerIsGone('"IdempotencyClaim"."owner"')}
  RETURNING "claimedAt"`;

const RELEASE = `
  DELETE FROM "IdempotencyClaim"
  WHERE "partnerId" = $1 AND "scope" = $2 AND "key" = $3 AND "owner" = $4 AND "claimedAt" = $5`;

/**
 * Claims the key for a request about to be processed, in whichever process: returns the function
 * that releases it when the request is done, or null when another request (in this process or
 * another) holds it. A claim left by a process that is gone (its liveness lock is free, lib/db.ts)
 * or older than CLAIM_TTL_MS is taken over. Throws a 429 (and keeps no claim) when the partner, or
 * all partners together, have too many keys under way in this process.
 */
export async function claimInFlight(
  partnerId: string,
  scope: IdempotencyScope,
  key: string,
): Promise<(() => Promise<void>) | null> {
  const owner = await livenessLock.id();
  const claimed = await rawQuery<{ claimedAt: Date }>("idempotency_claim", CLAIM, [
    partnerId,
    scope,
    key,
    owner,
    CLAIM_TTL_MS,
  ]);
  // A key already under way is answered as in use, whatever the caps.
  if (claimed.length === 0) return null;
  const { claimedAt } = claimed[0];
  // Only this claim: if it was taken over, the claim now there is another request's. A claim
  // that cannot be deleted now is not the request's failure: it is taken over once it expires.
  const deleteClaim = async () => {
    try {
      await rawQuery("idempotency_claim_release", RELEASE, [partnerId, scope, key, owner, claimedAt]);
    } catch (error) {
      logEvent("warn", "idempotency_claim_release_failed", describeError(error));
    }
  };

  const partnerCount = inFlight.perPartner.get(partnerId) ?? 0;
  if (partnerCount >= MAX_IN_FLIGHT_PER_PARTNER || inFlight.total >= MAX_IN_FLIGHT) {
    await deleteClaim();
    throw tooManyInFlight();
  }
  inFlight.total += 1;
  inFlight.perPartner.set(partnerId, partnerCount + 1);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    inFlight.total -= 1;
    const left = (inFlight.perPartner.get(partnerId) ?? 1) - 1;
    if (left > 0) inFlight.perPartner.set(partnerId, left);
    else inFlight.perPartner.delete(partnerId);
    await deleteClaim();
  };
}

/** Deletes claims past their expiry (left by a process that died); called now and then. */
export async function purgeExpiredClaims(): Promise<number> {
  return db.$executeRaw`DELETE FROM "IdempotencyClaim" WHERE "expiresAt" <= now()`;
}

/** Deletes responses older than the window; called now and then, never on every request. */
export async function purgeExpiredResponses(now = Date.now()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now - IDEMPOTENCY_WINDOW_MS) } },
  });
  return count;
}
