import "server-only";
import { db, isUniqueViolation } from "@/lib/db";

/** How long a partner's Idempotency-Key replays its first response. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_KEY_MAX = 255;

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
  return { requestHash: row.requestHash, status: row.responseStatus, body: row.responseBody };
}

/** The row that records a response, written in the same transaction as the work it answers for. */
export function storedResponseRow(claim: IdempotencyClaim, status: number, body: string) {
  return {
    partnerId: claim.partnerId,
    scope: claim.scope,
    key: claim.key,
    requestHash: claim.requestHash,
    responseStatus: status,
    responseBody: body,
  };
}

/**
 * Records a response on its own (an error, where no other write happened). Returns false when the
 * key already holds a response, which is then the one to give.
 */
export async function storeResponse(claim: IdempotencyClaim, status: number, body: string): Promise<boolean> {
  try {
    await db.idempotencyKey.create({ data: storedResponseRow(claim, status, body) });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return false;
  }
}

// Requests under way in this process, by partner and key. A second request with the same key
// while the first runs is told so (409) instead of waiting; across processes the primary key of
// the stored response still lets only one of them write.
const globalForClaims = globalThis as unknown as { axisfiIdempotencyInFlight?: Set<string> };
const inFlight = (globalForClaims.axisfiIdempotencyInFlight ??= new Set());

/** Marks the key as in use; returns a release function, or null when it is in use already. */
export function claimInFlight(partnerId: string, key: string): (() => void) | null {
  const id = `${partnerId}\u0000${key}`;
  if (inFlight.has(id)) return null;
  inFlight.add(id);
  return () => inFlight.delete(id);
}

/** Deletes responses older than the window; called now and then, never on every request. */
export async function purgeExpiredResponses(now = Date.now()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now - IDEMPOTENCY_WINDOW_MS) } },
  });
  return count;
}
