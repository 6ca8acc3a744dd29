import "server-only";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookEndpointSecret,
} from "@/lib/webhooks/endpoints";
import { jsonResponse, parseJson, requireJson, type ApiResponse } from "../http";
import { answerIdempotently } from "../idempotent-request";
import { apiKeyAuditActor } from "../api-key-actor";
import type { PartnerApiContext } from "../api-context";

/** POST /api/webhook_endpoints */
export async function createWebhookEndpointHandler(context: PartnerApiContext): Promise<ApiResponse> {
  requireJson(context.request);
  return answerIdempotently(context, async (body, claim) =>
    jsonResponse(
      200,
      await createWebhookEndpoint(context.partner.partnerId, parseJson(body), apiKeyAuditActor(context.partner), {
        idempotency: claim,
      }),
    ),
  );
}

/** GET /api/webhook_endpoints */
export async function listWebhookEndpointsHandler(context: PartnerApiContext): Promise<ApiResponse> {
  return jsonResponse(200, await listWebhookEndpoints(context.partner.partnerId));
}

/** DELETE /api/webhook_endpoints/{endpoint_id} */
export async function deleteWebhookEndpointHandler(context: PartnerApiContext): Promise<ApiResponse> {
  const { partner, params } = context;
  return jsonResponse(
    200,
    await deleteWebhookEndpoint(partner.partnerId, params.endpointId, apiKeyAuditActor(partner)),
  );
}

/** POST /api/webhook_endpoints/{endpoint_id}/rotate_secret */
export async function rotateWebhookEndpointSecretHandler(context: PartnerApiContext): Promise<ApiResponse> {
  const { partner, params } = context;
  // A lost answer would lose the new secret: with an Idempotency-Key, a retry gets the same one.
  return answerIdempotently(context, async (_body, claim) =>
    jsonResponse(
      200,
      await rotateWebhookEndpointSecret(partner.partnerId, params.endpointId, apiKeyAuditActor(partner), {
        idempotency: claim,
      }),
    ),
  );
}
