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
      "**For an existing customer with information requested:** with the `partner_customer_id` of one of your customers that is `pending` with `requirements.currently_due` not empty, the link is made for that customer. The business sees only the wizard steps with a field due, prefilled with the customer's current data (ID numbers masked) and the reviewer's note on each flagged field. Each saved step replaces that section as with `POST /api/customers/{customer_id}/update` (you get `customer.updated`; a requirement clears when its field's value changes). Once nothing is due any more, or when the business chooses Done, it is sent (303) to `return_url`. `prefill` is not accepted on such a link. A section may keep the documents it holds now; new ones are uploaded on the page.",
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
            "Malformed JSON, or invalid fields (with `details`: `invalid_url`, `unknown_field`, `file_not_found`, `not_allowed` for a `prefill` on a link for an existing customer, …)",
          codes: ["invalid_json", "validation_error"],
        },
        ...methodNotAllowed,
        409: {
          description:
            "A customer with this `partner_customer_id` already exists and has nothing for the business to fix (naming its `customer_id`; detail code `nothing_due` when it is pending with no information requested, `not_pending` when it is no longer pending)",
          codes: ["duplicate_partner_customer_id"],
        },
      }),
    },
  });
}
