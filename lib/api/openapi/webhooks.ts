import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  createWebhookEndpointSchema,
  createdWebhookEndpointSchema,
  deletedWebhookEndpointSchema,
  MAX_WEBHOOK_URL_LENGTH,
  webhookEndpointListSchema,
} from "@/lib/webhooks/endpoint-schema";
import { authErrors, errorResponses, security } from "./common";

export function registerWebhookEndpointPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/api/webhook_endpoints",
    operationId: "createWebhookEndpoint",
    tags: ["Webhooks"],
    summary: "Create a webhook endpoint",
    description: `Where to send events of the given types. \`url\` is https, at most ${MAX_WEBHOOK_URL_LENGTH} characters, without credentials and not a private or loopback address. The answer holds the signing \`secret\` (\`whsec_…\`): it is shown this once, so keep it. Each delivery carries a signature \`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">\` made with it; refuse deliveries whose signature does not match or whose \`t\` is more than 5 minutes away.`,
    security,
    request: {
      body: { required: true, content: { "application/json": { schema: createWebhookEndpointSchema() } } },
    },
    responses: {
      200: {
        description: "The endpoint, with its signing secret (shown only here)",
        content: { "application/json": { schema: createdWebhookEndpointSchema } },
      },
      ...errorResponses({
        400: "Malformed JSON or invalid fields (`validation_error`, with `details`)",
        ...authErrors,
        413: "Body over 1 MB",
        415: "Content-Type is not application/json",
      }),
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
      ...errorResponses({ ...authErrors, 404: "No such endpoint (unknown, deleted, or another partner's)" }),
    },
  });
}
