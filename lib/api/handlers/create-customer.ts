import "server-only";
import crypto from "node:crypto";
import { createCustomer, IdempotencyRaceLost } from "@/lib/customers/create-customer";
import { customerResourceJson } from "@/lib/customers/customer-resource";
import { AppError } from "@/lib/errors";
import {
  IDEMPOTENCY_KEY_MAX,
  claimInFlight,
  findStoredResponse,
  storeResponse,
  type IdempotencyClaim,
  type StoredResponse,
} from "@/lib/idempotency/idempotency-keys";
import { errorResponse } from "../error-response";
import { MAX_JSON_BODY_BYTES, headerValue, parseJson, readBody, requireJson, type ApiResponse } from "../http";
import type { PartnerApiContext } from "../partner-api";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

function idempotencyKeyOf(context: PartnerApiContext): string | undefined {
  const key = headerValue(context.request, "idempotency-key");
  if (key === undefined) return undefined;
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX || !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError(
      "invalid_idempotency_key",
      400,
      `The Idempotency-Key header must be 1–${IDEMPOTENCY_KEY_MAX} visible ASCII characters.`,
    );
  }
  return key;
}

function replay(stored: StoredResponse, claim: IdempotencyClaim): ApiResponse {
  if (stored.requestHash !== claim.requestHash) {
    throw new AppError(
      "idempotency_key_reused",
      422,
      "This Idempotency-Key was used with a different request body. Use a new key for a new request.",
    );
  }
  return { status: stored.status, body: stored.body, headers: { "Idempotent-Replayed": "true" } };
}

async function create(context: PartnerApiContext, body: Buffer, claim?: IdempotencyClaim): Promise<ApiResponse> {
  const resource = await createCustomer(
    parseJson(body),
    {
      partnerId: context.partner.partnerId,
      actor: { type: "api_key", id: context.partner.apiKeyId, label: `API key ${context.partner.publicKey}` },
    },
    { idempotency: claim },
  );
  return { status: 200, body: customerResourceJson(resource) };
}

/** POST /api/customers/create */
export async function createCustomerHandler(context: PartnerApiContext): Promise<ApiResponse> {
  requireJson(context.request);
  const key = idempotencyKeyOf(context);
  if (!key) return create(context, await readBody(context.request, MAX_JSON_BODY_BYTES));

  // Claimed before the body is read, so that a retry sent while the first request is still
  // arriving or running, to this process or another, is told so rather than racing it.
  const release = await claimInFlight(context.partner.partnerId, "api", key);
  const claimOf = (body: Buffer): IdempotencyClaim => ({
    partnerId: context.partner.partnerId,
    scope: "api",
    key,
    requestHash: crypto.createHash("sha256").update(body).digest("hex"),
  });
  if (!release) {
    // A request that has answered releases its claim first, and a process that dies loses its
    // claims; a claim can still outlive its answer (its release failed): the answer is replayed.
    const claim = claimOf(await readBody(context.request, MAX_JSON_BODY_BYTES));
    const stored = await findStoredResponse(claim);
    if (stored) return replay(stored, claim);
    throw new AppError(
      "idempotency_key_in_use",
      409,
      "A request with this Idempotency-Key is still being processed. Retry shortly.",
    );
  }
  try {
    const body = await readBody(context.request, MAX_JSON_BODY_BYTES);
    return await createAndRecord(context, body, claimOf(body));
  } finally {
    await release();
  }
}

/**
 * The first request with a key does the work and records its answer; a later one finds the key
 * taken when it writes (no look-up up front: the first request is the common case) and replays.
 */
async function createAndRecord(
  context: PartnerApiContext,
  body: Buffer,
  claim: IdempotencyClaim,
): Promise<ApiResponse> {
  try {
    return await create(context, body, claim);
  } catch (error) {
    if (error instanceof IdempotencyRaceLost) return replayStored(claim);
    // A refusal is an answer too: the same retry gets the same error. Our own failures are not
    // kept, so a retry can succeed.
    if (error instanceof AppError && error.status < 500) {
      const response = errorResponse(error, context.requestId);
      if (await storeResponse(claim, response.status, response.body)) return response;
      return replayStored(claim);
    }
    throw error;
  }
}

async function replayStored(claim: IdempotencyClaim): Promise<ApiResponse> {
  const stored = await findStoredResponse(claim);
  if (!stored) throw new AppError("conflict", 409, "This Idempotency-Key changed while the request ran. Retry it.");
  return replay(stored, claim);
}
