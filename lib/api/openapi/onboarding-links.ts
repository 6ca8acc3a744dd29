import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { createOnboardingLinkSchema, onboardingLinkResourceSchema } from "@/lib/onboarding-links/schema";
import { errorResponses, jsonBodyErrors, methodNotAllowed, security } from "./common";

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
        ...jsonBodyErrors,
        400: {
          description:
            "Malformed JSON, or invalid fields (with `details`: `invalid_url`, `unknown_field`, `file_not_found`, …)",
          codes: ["invalid_json", "validation_error"],
        },
        ...methodNotAllowed,
        409: {
          description:
            "The `partner_customer_id` is in use by a customer with nothing due (the answer names its `customer_id`)",
          codes: ["duplicate_partner_customer_id"],
        },
      }),
    },
  });
}
