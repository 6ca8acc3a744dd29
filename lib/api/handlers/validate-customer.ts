import "server-only";
import { validateCustomer } from "@/lib/customers/create-customer";
import { MAX_JSON_BODY_BYTES, jsonResponse, parseJson, readBody, requireJson, type ApiResponse } from "../http";
import type { PartnerApiContext } from "../api-context";

/**
 * POST /api/customers/validate: the body create would accept, checked as create checks it, and
 * nothing stored. An Idempotency-Key is ignored, whatever its value: there is nothing to replay.
 */
export async function validateCustomerHandler(context: PartnerApiContext): Promise<ApiResponse> {
  requireJson(context.request);
  const body = await readBody(context.request, MAX_JSON_BODY_BYTES);
  await validateCustomer(parseJson(body), context.partner.partnerId);
  return jsonResponse(200, { valid: true });
}
