import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  createWebhookEndpointSchema,
  createdWebhookEndpointSchema,
  deletedWebhookEndpointSchema,
  MAX_ENDPOINTS_PER_PARTNER,
  MAX_WEBHOOK_URL_LENGTH,
  rotatedWebhookSecretSchema,
  webhookEndpointListSchema,
} from "@/lib/webhooks/endpoint-schema";
import { TEST_EVENT_TYPE } from "@/lib/webhooks/test-event";
import {
  authErrors,
  type ErrorStatus,
  errorResponses,
  jsonBodyErrors,
  methodNotAllowed,
  security,
  withIdempotencyErrors,
} from "./common";

/** The Idempotency-Key header of the operations whose answer shows a secret once. */
const idempotencyHeader = z.object({
  "Idempotency-Key": z.string().max(255).optional().meta({
    description:
      "Makes a retry safe: for 24 hours the same key replays the first answer, with the same secret, instead of making another change (another request with the key answers 422 `idempotency_key_reused`)",
  }),
});

/** What an operation on one endpoint (`/api/webhook_endpoints/{endpoint_id}…`) refuses. */
const endpointErrors = {
  ...authErrors,
  404: { description: "No such endpoint (unknown, deleted, or another partner's)", codes: ["not_found"] },
  ...methodNotAllowed,
} satisfies Record<number, ErrorStatus>;

/** How deliveries work, said in the create operation and in each event webhook (and in the README). */
export const DELIVERY = `**Deliveries.** Each event of a subscribed type is POSTed to \`url\` as JSON, exactly the event resource of \`GET /api/events\` (\`{"id":"evt_…","type":…,"created_at":…,"data":{"customer":…}}\`), with the headers \`AxisFI-Signature\`, \`AxisFI-Event-Id\` and \`AxisFI-Delivery-Attempt\`. Any 2xx answer within 10 seconds counts as delivered; anything else (another status, a timeout, a connection error) is retried after 1 min, 5 min, 30 min, 2 h, 5 h, then every 10 h, for 3 days, after which the endpoint is shown as failing in the portal until a delivery succeeds again. Delivery is at least once (deduplicate on the event \`id\`), and a customer's events arrive in the order they happened: a later event about a customer waits while an earlier one is retried. Redirects are not followed. The host name is resolved at every delivery and nothing is sent if it resolves to a private, loopback or otherwise reserved address. A test event sent from the portal has type \`${TEST_EVENT_TYPE}\` and \`"data": {}\`, is not listed by \`GET /api/events\` and is not retried.`;

export function registerWebhookEndpointPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/api/webhook_endpoints",
    operationId: "createWebhookEndpoint",
    tags: ["Webhooks"],
    summary: "Create a webhook endpoint",
    description: `Where to send events of the given types. \`url\` is https, at most ${MAX_WEBHOOK_URL_LENGTH} characters, without credentials and not a private or loopback address. At most ${MAX_ENDPOINTS_PER_PARTNER} endpoints are in use at once (409 \`endpoint_limit_reached\`). The answer holds the signing \`secret\` (\`whsec_…\`): it is shown this once, so keep it, and send an \`Idempotency-Key\` so that a retry after a lost answer gets the same endpoint and secret. Each delivery carries a signature \`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">\` made with it; refuse deliveries whose signature does not match or whose \`t\` is more than 5 minutes away. During a secret rotation the header carries two \`v1=\` values; accept the delivery if either matches.\n\n${DELIVERY}`,
    security,
    request: {
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: createWebhookEndpointSchema() } } },
    },
    responses: {
      200: {
        description: "The endpoint, with its signing secret (shown only here)",
        content: { "application/json": { schema: createdWebhookEndpointSchema } },
      },
      ...errorResponses(
        withIdempotencyErrors({
          ...jsonBodyErrors,
          400: {
            description: "Malformed JSON, or invalid fields (with `details`: `invalid_url`, `required`, …)",
            codes: ["invalid_json", "validation_error"],
          },
          409: {
            description: `${MAX_ENDPOINTS_PER_PARTNER} endpoints are in use already: delete one first`,
            codes: ["endpoint_limit_reached"],
          },
        }),
      ),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/webhook_endpoints",
    operationId: "listWebhookEndpoints",
    tags: ["Webhooks"],
    summary: "List webhook endpoints",
    description: "Your endpoints in use, newest first. Their secrets are never shown again.",
    security,
    responses: {
      200: {
        description: "Your webhook endpoints",
        content: { "application/json": { schema: webhookEndpointListSchema } },
      },
      ...errorResponses(authErrors),
    },
  });

  registry.registerPath({
    method: "delete",
    path: "/api/webhook_endpoints/{endpoint_id}",
    operationId: "deleteWebhookEndpoint",
    tags: ["Webhooks"],
    summary: "Delete a webhook endpoint",
    description: "Nothing more is sent to it, and it is no longer listed.",
    security,
    request: {
      params: z.object({ endpoint_id: z.string().meta({ example: "we_0f8fad5bd9cb469fa1d0c6a1a1a1a1a1" }) }),
    },
    responses: {
      200: { description: "Deleted", content: { "application/json": { schema: deletedWebhookEndpointSchema } } },
      ...errorResponses(endpointErrors),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/webhook_endpoints/{endpoint_id}/rotate_secret",
    operationId: "rotateWebhookEndpointSecret",
    tags: ["Webhooks"],
    summary: "Rotate a webhook endpoint's signing secret",
    description:
      "Gives the endpoint a new signing secret, shown only in this answer. For 24 hours (until `previous_secret_expires_at`) every delivery is signed with both the new and the previous secret (two `v1=` values in `AxisFI-Signature`), so your receiver can switch to the new secret without refusing anything. Rotating again within those 24 hours drops the oldest secret at once. No body is needed. Send an `Idempotency-Key`: a retry after a lost answer then gets the same new secret instead of rotating again.",
    security,
    request: {
      params: z.object({ endpoint_id: z.string().meta({ example: "we_0f8fad5bd9cb469fa1d0c6a1a1a1a1a1" }) }),
      headers: idempotencyHeader,
    },
    responses: {
      200: {
        description: "The new secret (shown only here) and until when the previous one still signs",
        content: { "application/json": { schema: rotatedWebhookSecretSchema } },
      },
      ...errorResponses(withIdempotencyErrors(endpointErrors)),
    },
  });
}
