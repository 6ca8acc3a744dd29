import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { createOnboardingLinkSchema, onboardingLinkResourceSchema } from "@/lib/onboarding-links/schema";
import { authErrors, errorResponses, security } from "./common";

export function registerOnboardingLinkPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/api/onboarding_links",
    operationId: "createOnboardingLink",
    tags: ["Onboarding links"],
    summary: "Create a hosted onboarding link",
    description: [
      "A link on which the business fills the onboarding form itself (the same steps and checks as the portal's wizard, document uploads included), branded with your partner name, without an account.",
      "The link is **single use** and stops working 10 minutes after it is made if not opened; once opened, the business has 24 hours to finish the form in that browser.",
      "On submit the customer is created as with `POST /api/customers/create` (with this `partner_customer_id`, which the business cannot change) and the business is sent (303) to `return_url`, with nothing appended; an expired or used link sends it to `refresh_url`, where you make a new link.",
      "`prefill` may hold any sections of the create body (each valid on its own; unknown fields refused); its file ids must come from `POST /api/files/upload` with your key.",
      "The answer holds the only copy of the link: only a keyed hash of its token is stored.",
    ].join("\n\n"),
    security,
    request: {
      body: { required: true, content: { "application/json": { schema: createOnboardingLinkSchema } } },
    },
    responses: {
      200: {
        description: "The link to give the business, and when it expires if not opened",
        content: { "application/json": { schema: onboardingLinkResourceSchema } },
      },
      ...errorResponses({
        400: "Malformed JSON (`invalid_json`) or invalid fields (`validation_error`, with `details`: `invalid_url`, `unknown_field`, `file_not_found`, …)",
        ...authErrors,
        409: "A customer with this `partner_customer_id` already exists (`duplicate_partner_customer_id`, naming its `customer_id`)",
        413: "Body over 1 MB (`payload_too_large`)",
        415: "Content-Type is not application/json (`unsupported_media_type`)",
      }),
    },
  });
}
