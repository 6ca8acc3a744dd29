import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { customerResourceSchema } from "@/lib/customers/resource-schema";
import { updateCustomerRequestSchema } from "@/lib/customers/update-schema";
import { errorResponses, IDEMPOTENCY, RATE_LIMITED, security, VALIDATION_RULES } from "./common";

export function registerCustomerUpdatePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/api/customers/{customer_id}/update",
    operationId: "updateCustomer",
    tags: ["Customers"],
    summary: "Update Customer",
    description: `Fix a pending customer, typically what compliance asked for: the customer's \`requirements.currently_due\` lists each field to fix (by its API path) with the reviewer's note, and a \`customer.information_requested\` event tells you when it changes.

Send whole sections to replace (\`business_details\`, \`registration_address\`, \`account_usage\`, \`primary_contact\`, \`business_person_list\`), each exactly as in Create Customer; sections you do not send are kept as they are. Each section is validated by its own rules, then the customer as it would be after the update by every rule of Create Customer (file ids included). \`partner_customer_id\` cannot be changed (\`not_updatable\`). Nothing is written unless everything passes.

A requirement is cleared by the update that changes the value at its \`field\`. The answer is the updated customer, as \`GET /api/customers/{customer_id}\` now answers; a \`customer.updated\` event lists the \`changed_fields\` (an update that changes no value is still recorded, with none). Only a \`pending\` customer can be updated: once approved, rejected or suspended, the answer is 409 \`customer_not_pending\`.
${VALIDATION_RULES}
${IDEMPOTENCY}`,
    security,
    request: {
      params: z.object({ customer_id: z.string().meta({ example: "cus_79fb361a05074629bf1ecf0d14cd244e" }) }),
      headers: z.object({
        "Idempotency-Key": z.string().max(255).optional().meta({ description: "Makes retries safe; see above" }),
      }),
      body: { required: true, content: { "application/json": { schema: updateCustomerRequestSchema } } },
    },
    responses: {
      200: {
        description: "The updated customer",
        content: { "application/json": { schema: customerResourceSchema } },
      },
      ...errorResponses({
        400: "Malformed JSON (`invalid_json`), an invalid `Idempotency-Key` (`invalid_idempotency_key`), or invalid fields (`validation_error`, with `details` naming each field by its full path; `not_updatable` for `partner_customer_id`, `file_not_found` for a file id not uploaded with your key)",
        401: "Missing, wrong or revoked credentials (`unauthorized`; the answer never says which)",
        404: "No such customer, unknown or another partner's (`not_found`)",
        405: "Method not allowed (`method_not_allowed`)",
        409: "The customer is not pending (`customer_not_pending`: it was approved, rejected or suspended), or the Idempotency-Key is in use (`idempotency_key_in_use`)",
        413: "Body over 1 MB (`payload_too_large`)",
        415: "Content-Type is not application/json (`unsupported_media_type`)",
        422: "Idempotency-Key reused with a different body (`idempotency_key_reused`)",
        429: `${RATE_LIMITED}; or too many requests with an Idempotency-Key under way at once`,
      }),
    },
  });
}
