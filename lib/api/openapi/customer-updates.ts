import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { customerResourceSchema } from "@/lib/customers/resource-schema";
import { updateCustomerRequestSchema } from "@/lib/customers/update-schema";
import {
  errorResponses,
  IDEMPOTENCY,
  jsonBodyErrors,
  methodNotAllowed,
  security,
  VALIDATION_RULES,
  withIdempotencyErrors,
} from "./common";

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
      ...errorResponses(
        withIdempotencyErrors({
          ...jsonBodyErrors,
          400: {
            description:
              "Malformed JSON, or invalid fields (with `details` naming each field by its full path; `not_updatable` for `partner_customer_id`, `file_not_found` for a file id not uploaded with your key)",
            codes: ["invalid_json", "validation_error"],
          },
          404: { description: "No such customer (unknown, or another partner's)", codes: ["not_found"] },
          ...methodNotAllowed,
          409: {
            description: "The customer is not pending (it was approved, rejected or suspended)",
            codes: ["customer_not_pending"],
          },
        }),
      ),
    },
  });
}
