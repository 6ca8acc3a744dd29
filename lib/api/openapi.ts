import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { registerCustomerPaths } from "./openapi/customers";
import { registerCustomerUpdatePaths } from "./openapi/customer-updates";
import { registerEventPaths, registerEventWebhooks } from "./openapi/events";
import { errorSchema, security } from "./openapi/common";
import { registerFilePaths } from "./openapi/files";
import { registerOnboardingLinkPaths } from "./openapi/onboarding-links";
import { registerServicePaths } from "./openapi/service";
import { registerWebhookEndpointPaths } from "./openapi/webhooks";

function buildDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "ApiKey", { type: "apiKey", in: "header", name: "X-API-Key" });
  registry.registerComponent("securitySchemes", "ApiSecret", { type: "apiKey", in: "header", name: "X-API-Secret" });
  registerCustomerPaths(registry);
  registerCustomerUpdatePaths(registry);
  registerFilePaths(registry);
  registerEventPaths(registry);
  registerWebhookEndpointPaths(registry);
  registerOnboardingLinkPaths(registry);
  registerServicePaths(registry);
  registerEventWebhooks(registry);

  // Answers restrict its `error.code` by reference: Error is a component whatever uses it.
  const definitions: OpenAPIRegistry["definitions"] = [
    ...registry.definitions,
    { type: "schema", schema: errorSchema },
  ];
  return new OpenApiGeneratorV31(definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "AxisFI Partner API",
      version: "1.0.0",
      description:
        "Onboard your business customers onto AxisFI. Authenticate every request with your key pair in the `X-API-Key` and `X-API-Secret` headers. Every response carries an `X-Request-Id`; errors repeat it as `error.request_id`, with a stable `error.code`: each answer below lists the codes it can carry.\n\nError messages are in English unless the request's `Accept-Language` header asks for Simplified Chinese (`zh-CN`, or any `zh`): then `error.message` and each `error.details[].message` are in Chinese, and the answer says so in `Content-Language`. Only the words change: the status, `error.code`, `details[].code` and `details[].field` are the same in every language, so act on those, never on a message. An answer kept under an `Idempotency-Key` is replayed in the language of the retry.\n\nEvents are also sent to your webhook endpoints as they happen: see `webhooks`.",
      license: { name: "Proprietary: for AxisFI partners", identifier: "LicenseRef-AxisFI-Partner" },
    },
    servers: [{ url: "http://127.0.0.1:8083" }],
    // Every operation needs the key pair, but for those that say `security: []`.
    security,
  });
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let document: OpenApiDocument | null = null;

/** The OpenAPI 3.1 document, generated once from the same Zod schemas that validate requests. */
export function openApiDocument(): OpenApiDocument {
  document ??= buildDocument();
  return document;
}
