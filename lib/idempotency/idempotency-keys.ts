import "server-only";
import { openStored, seal } from "@/lib/crypto/personal-data";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors";

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
 * How many keys one partner may have under way in this process at once. Each claim lives only
 * while its request runs (the server's timeouts bound that), but without a cap a partner opening
 * many slow requests would grow the set without limit and crowd out everyone else.
 */
export const MAX_IN_FLIGHT_PER_PARTNER = 1_000;
/** The same for all partners together: at most about 10,000 × 300 bytes of keys in memory. */
export const MAX_IN_FLIGHT = 10_000;

// Requests under way in this process, by partner and key. A second request with the same key
// while the first runs is told so (409) instead of waiting; across processes the primary key of
// the stored response still lets only one of them write.
const globalForClaims = globalThis as unknown as {
  axisfiIdempotencyClaims?: { keys: Set<string>; perPartner: Map<string, number> };
};
const inFlight = (globalForClaims.axisfiIdempotencyClaims ??= { keys: new Set(), perPartner: new Map() });

function tooManyInFlight(): AppError {
  return new AppError(
    "rate_limited",
    429,
    "Too many requests with an Idempotency-Key are being processed at once. Retry shortly.",
  );
}

/**
 * Marks the key as in use; returns a release function, or null when it is in use already.
 * Throws a 429 when the partner (or the process) has too many keys under way.
 */
export function claimInFlight(partnerId: string, key: string): (() => void) | null {
  const id = `${partnerId}\u0000${key}`;
  if (inFlight.keys.has(id)) return null;
  const partnerCount = inFlight.perPartner.get(partnerId) ?? 0;
  if (partnerCount >= MAX_IN_FLIGHT_PER_PARTNER || inFlight.keys.size >= MAX_IN_FLIGHT) throw tooManyInFlight();
  inFlight.keys.add(id);
  inFlight.perPartner.set(partnerId, partnerCount + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    inFlight.keys.delete(id);
    const left = (inFlight.perPartner.get(partnerId) ?? 1) - 1;
    if (left > 0) inFlight.perPartner.set(partnerId, left);
    else inFlight.perPartner.delete(partnerId);
  };
}

/** Deletes responses older than the window; called now and then, never on every request. */
export async function purgeExpiredResponses(now = Date.now()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now - IDEMPOTENCY_WINDOW_MS) } },
  });
  return count;
}
