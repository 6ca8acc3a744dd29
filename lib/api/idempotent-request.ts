import "server-only";
import crypto from "node:crypto";
import { IdempotencyRaceLost } from "@/lib/customers/create-customer";
import { AppError } from "@/lib/errors";
import {
  IDEMPOTENCY_KEY_MAX,
  claimInFlight,
  findStoredResponse,
  storeResponse,
  type IdempotencyClaim,
  type StoredResponse,
} from "@/lib/idempotency/idempotency-keys";
import { storableErrorResponse } from "./error-response";
import { MAX_JSON_BODY_BYTES, headerValue, readBody, type ApiResponse } from "./http";
import type { PartnerApiContext } from "./api-context";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

function idempotencyKeyOf(context: PartnerApiContext): string | undefined {
  const key = headerValue(context.request, "idempotency-key");
  if (key === undefined) return undefined;
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX || !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError("invalid_idempotency_key", 400, {
      key: "invalidIdempotencyKey",
      values: { max: IDEMPOTENCY_KEY_MAX },
    });
  }
  return key;
}

function replay(stored: StoredResponse, claim: IdempotencyClaim): ApiResponse {
  if (stored.requestHash !== claim.requestHash) {
    throw new AppError("idempotency_key_reused", 422, "idempotencyKeyReused");
  }
  return { status: stored.status, body: stored.body, headers: { "Idempotent-Replayed": "true" } };
}

/**
 * The work of a keyed request: it writes its answer under `claim` (when given) in the same
 * transaction as the work, and throws IdempotencyRaceLost when the key already holds an answer.
 */
export type IdempotentWork = (body: Buffer, claim?: IdempotencyClaim) => Promise<ApiResponse>;

/**
 * Runs a JSON request that honours the Idempotency-Key header (partner scope "api"): without a key
 * it just runs; with one, the key is claimed before the body is read, so that a retry sent while
 * the first request is still arriving or running, to this process or another, is told so (409
 * idempotency_key_in_use) rather than racing it; the first answer, refusals included, is kept and
 * replayed for the same body (422 idempotency_key_reused for another).
 */
export async function answerIdempotently(context: PartnerApiContext, work: IdempotentWork): Promise<ApiResponse> {
  const key = idempotencyKeyOf(context);
  if (!key) return work(await readBody(context.request, MAX_JSON_BODY_BYTES));

  const release = await claimInFlight(context.partner.partnerId, "api", key);
  const claimOf = (body: Buffer): IdempotencyClaim => ({
    partnerId: context.partner.partnerId,
    scope: "api",
    key,
    // The endpoint is part of the request: the same key and body sent to update another customer
    // is another request, refused, not answered with the first customer's replay.
    requestHash: crypto
      .createHash("sha256")
      .update(`${context.request.method ?? ""} ${context.url.pathname}\n`)
      .update(body)
      .digest("hex"),
  });
  if (!release) {
    // A request that has answered releases its claim first, and a process that dies loses its
    // claims; a claim can still outlive its answer (its release failed): the answer is replayed.
    const claim = claimOf(await readBody(context.request, MAX_JSON_BODY_BYTES));
    const stored = await findStoredResponse(claim);
    if (stored) return replay(stored, claim);
    throw new AppError("idempotency_key_in_use", 409, "idempotencyKeyInUse");
  }
  try {
    const body = await readBody(context.request, MAX_JSON_BODY_BYTES);
    return await workAndRecord(context, work, body, claimOf(body));
  } finally {
    await release();
  }
}

/**
 * The first request with a key does the work and records its answer; a later one finds the key
 * taken when it writes (no look-up up front: the first request is the common case) and replays.
 */
async function workAndRecord(
  context: PartnerApiContext,
  work: IdempotentWork,
  body: Buffer,
  claim: IdempotencyClaim,
): Promise<ApiResponse> {
  try {
    return await work(body, claim);
  } catch (error) {
    if (error instanceof IdempotencyRaceLost) return replayStored(claim);
    // A refusal is an answer too: the same retry gets the same error. Our own failures are not
    // kept, so a retry can succeed.
    if (error instanceof AppError && error.status < 500) {
      // Kept as message codes: the door (handlePartnerApi) says this answer and every replay of it
      // in the language each request asks for, so a retry sent with another Accept-Language still
      // reads in its own, with the same status, codes and fields.
      const response = storableErrorResponse(error, context.requestId);
      if (await storeResponse(claim, response.status, response.body)) return response;
      return replayStored(claim);
    }
    throw error;
  }
}

async function replayStored(claim: IdempotencyClaim): Promise<ApiResponse> {
  const stored = await findStoredResponse(claim);
  if (!stored) throw new AppError("conflict", 409, "idempotencyKeyChanged");
  return replay(stored, claim);
}
