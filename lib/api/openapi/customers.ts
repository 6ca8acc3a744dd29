import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { customerListSchema, customerResourceSchema } from "@/lib/customers/resource-schema";
import { CUSTOMER_STATUSES, createCustomerRequestSchema } from "@/lib/customers/schema";
import {
  authErrors,
  customerRequestErrors,
  errorResponses,
  IDEMPOTENCY,
  security,
  VALIDATION_RULES,
  validationResultSchema,
  withIdempotencyErrors,
} from "./common";

export function registerCustomerPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/api/customers/create",
    operationId: "createCustomer",
    tags: ["Customers"],
    summary: "Create Customer",
    description: `Create a new customer to be stored on the AxisFI platform. New customers start \`pending\` until compliance reviews them.\n${VALIDATION_RULES}\n${IDEMPOTENCY}`,
    security,
    request: {
      headers: z.object({
        "Idempotency-Key": z.string().max(255).optional().meta({ description: "Makes retries safe; see above" }),
      }),
      body: { required: true, content: { "application/json": { schema: createCustomerRequestSchema } } },
    },
    responses: {
      200: { description: "Operation Successful", content: { "application/json": { schema: customerResourceSchema } } },
      ...errorResponses(withIdempotencyErrors(customerRequestErrors)),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/customers/validate",
    operationId: "validateCustomer",
    tags: ["Customers"],
    summary: "Validate Customer (dry run)",
    description: `Check a Create Customer request without creating anything. The body, the credentials and every check are those of \`POST /api/customers/create\`: the fields, that each file id was uploaded with your key, and that \`partner_customer_id\` is not already in use. A request create would accept answers 200 \`{"valid": true}\`; any other answers exactly the error create would give for the same body (same status, code and details). Nothing is stored: no customer, no audit event, no idempotent response.\n\nAn \`Idempotency-Key\` header is ignored, whatever its value: a dry run is never replayed and never takes a key, so the same key can then be sent with Create Customer. A valid answer is no reservation: another request may still take the \`partner_customer_id\` before you create.\n${VALIDATION_RULES}`,
    security,
    request: {
      body: { required: true, content: { "application/json": { schema: createCustomerRequestSchema } } },
    },
    responses: {
      200: {
        description: "Create Customer would accept this request",
        content: { "application/json": { schema: validationResultSchema } },
      },
      ...errorResponses(customerRequestErrors),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/customers/{customer_id}",
    operationId: "getCustomer",
    tags: ["Customers"],
    summary: "Retrieve a customer",
    security,
    request: {
      params: z.object({ customer_id: z.string().meta({ example: "cus_79fb361a05074629bf1ecf0d14cd244e" }) }),
    },
    responses: {
      200: { description: "The customer", content: { "application/json": { schema: customerResourceSchema } } },
      ...errorResponses({
        ...authErrors,
        404: { description: "No such customer (unknown, or another partner's)", codes: ["not_found"] },
      }),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/customers",
    operationId: "listCustomers",
    tags: ["Customers"],
    summary: "List customers",
    description: "Your customers, newest first, one page at a time. Follow `next_cursor` until `has_more` is false.",
    security,
    request: {
      query: z.object({
        status: z.enum(CUSTOMER_STATUSES).optional(),
        limit: z.number().int().min(1).max(100).optional().meta({ description: "Page size, default 20" }),
        cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page" }),
      }),
    },
    responses: {
      200: { description: "A page of customers", content: { "application/json": { schema: customerListSchema } } },
      ...errorResponses({
        400: { description: "Invalid query parameters (with `details` naming each one)", codes: ["validation_error"] },
        ...authErrors,
      }),
    },
  });
}
