import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { customerListSchema, customerResourceSchema } from "@/lib/customers/resource-schema";
import { CUSTOMER_STATUSES, createCustomerRequestSchema } from "@/lib/customers/schema";
import { INDUSTRY_CATEGORIES } from "@/lib/customers/industry-categories";
import { fileResourceSchema } from "@/lib/files/resource-schema";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { eventListSchema } from "@/lib/events/resource-schema";
import {
  createWebhookEndpointSchema,
  createdWebhookEndpointSchema,
  deletedWebhookEndpointSchema,
  MAX_WEBHOOK_URL_LENGTH,
  webhookEndpointListSchema,
} from "@/lib/webhooks/endpoint-schema";

const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_error" }),
      message: z.string(),
      details: z
        .array(
          z.object({
            field: z.string().meta({ example: "business_details.website" }),
            code: z.string().meta({ example: "invalid_url" }),
            message: z.string(),
          }),
        )
        .optional()
        .meta({
          description:
            "Every failing field at once, with its full path (cut at 200 characters); past 100, one last entry with code `too_many_errors` says how many more",
        }),
      customer_id: z
        .string()
        .optional()
        .meta({ description: "On duplicate_partner_customer_id: the existing customer" }),
      request_id: z.string().meta({ example: "req_0f8fad5bd9cb469fa1d0c6a1a1a1a1a1" }),
    }),
  })
  .meta({ id: "Error" });

const VALIDATION_RULES = `
Validation rules (every failing field is reported at once, with its full path, in \`error.details\`):

- Unknown fields are rejected (\`unknown_field\`), never silently dropped.
- Strings are trimmed. Names and address lines are at most 255 characters, \`goods_service_description\` at most 1,000. Optional fields that are absent, null or blank are stored as null.
- \`partner_customer_id\`: 20–64 visible ASCII characters without spaces, unique per partner (a duplicate answers 409 naming the existing \`customer_id\`).
- Required: \`business_name_english\`, \`business_identifier_number\`, \`business_identifier_country_code\`, \`registration_address_line1\`, \`registration_address_city\`, \`registration_address_country_code\`, \`operating_country\`, \`estimated_monthly_revenue_currency\`, \`estimated_monthly_revenue_amount\`, \`contact_email\`, and 1–20 people each with \`first_name_english\`, \`last_name_english\`, \`birth_date\`, \`nationality\`, \`id_number\`, \`id_issuing_country_code\`.
- \`*_english\` names are in Latin script (accents allowed); \`business_name\`, \`first_name\` and \`last_name\` accept any script.
- Country codes are ISO 3166-1 alpha-2 (upper case), currencies ISO 4217.
- \`contact_email\` is an email address; \`contact_phone\` an E.164 number that is valid for its country; \`website\` an http(s) URL.
- \`estimated_monthly_revenue_amount\` is a JSON number from 0 to 1,000,000,000,000 with at most 2 decimals.
- Dates are ISO 8601: a date (\`2023-11-07\`, midnight UTC) or a date-time with \`Z\` or an offset. Responses give every timestamp in UTC to the second (\`2023-11-07T05:31:56Z\`).
- \`business_identifier_start_date\` ≤ \`business_identifier_expiry_date\`; \`id_issue_date\` ≤ \`id_expiration_date\`; \`birth_date\` in the past (after 1900).
- \`industry_category_code\` is one of these ISO 18245 merchant category codes: ${INDUSTRY_CATEGORIES.map((category) => `\`${category.code}\` ${category.name}`).join("; ")}.
- File ids (\`business_identifier_document_list\`, at most 20 and no repeats; \`id_document_front_file_id\`, \`id_document_back_file_id\`) must come from \`POST /api/files/upload\` with the same partner's key.
`;

const IDEMPOTENCY = `
Send an \`Idempotency-Key\` header (1–255 visible ASCII characters, scoped to your partner account) to retry safely.
For 24 hours, the same key with the same body replays the first response, status and body, errors included, with \`Idempotent-Replayed: true\`.
The same key with a different body answers 422 \`idempotency_key_reused\`; while the first request is still running, 409 \`idempotency_key_in_use\`.
With more than 1,000 of your keys under way at once, a new one answers 429 \`rate_limited\`: retry shortly.
`;

function errorResponses(statuses: Record<number, string>) {
  return Object.fromEntries(
    Object.entries(statuses).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: errorSchema } } },
    ]),
  );
}

const RATE_LIMITED =
  "The API key's rate limit is used up (`rate_limited`): retry after `Retry-After` seconds. Every authenticated answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`";
const authErrors = { 401: "Missing, wrong or revoked credentials (the answer never says which)", 429: RATE_LIMITED };

/** What both Create Customer and its dry run refuse, with the same status and body. */
const customerRequestErrors = {
  400: "Malformed JSON or invalid fields (`validation_error`, with `details`)",
  ...authErrors,
  405: "Method not allowed",
  409: "Duplicate `partner_customer_id` (naming the existing `customer_id`)",
  413: "Body over 1 MB",
  415: "Content-Type is not application/json",
};

const validationResultSchema = z
  .object({ valid: z.literal(true) })
  .meta({ id: "ValidationResult", description: "The request would be accepted by Create Customer as it stands" });

function buildDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "ApiKey", { type: "apiKey", in: "header", name: "X-API-Key" });
  registry.registerComponent("securitySchemes", "ApiSecret", { type: "apiKey", in: "header", name: "X-API-Secret" });
  const security = [{ ApiKey: [], ApiSecret: [] }];

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
      ...errorResponses({
        ...customerRequestErrors,
        409: "Duplicate `partner_customer_id` (naming the existing `customer_id`), or the Idempotency-Key is in use",
        422: "Idempotency-Key reused with a different body",
        429: `${RATE_LIMITED}; or too many requests with an Idempotency-Key under way at once`,
      }),
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
      ...errorResponses({ ...authErrors, 404: "No such customer (unknown, or another partner's)" }),
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
      ...errorResponses({ 400: "Invalid query parameters", ...authErrors }),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/files/upload",
    operationId: "uploadFile",
    tags: ["Files"],
    summary: "Upload a document",
    description:
      "Upload an identity or company document as multipart/form-data in the field `file`. PDF, JPEG and PNG up to 10 MB, judged by the file's bytes, not its name or declared type. Use the returned `file_id` in Create Customer.",
    security,
    request: {
      body: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: z.object({ file: z.string().meta({ format: "binary", description: "The document" }) }),
          },
        },
      },
    },
    responses: {
      200: { description: "The stored file", content: { "application/json": { schema: fileResourceSchema } } },
      ...errorResponses({
        400: "No file, more than one file, more than 10 form fields, or a malformed body",
        ...authErrors,
        413: "File over 10 MB",
        415: "Not multipart/form-data, or the file is not a PDF, JPEG or PNG",
      }),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/events",
    operationId: "listEvents",
    tags: ["Events"],
    summary: "List events",
    description:
      "What happened to your customers, newest first, one page at a time: `customer.created` and `customer.status_changed` (with `from_status` and `to_status`). Each event's `data.customer` is the customer exactly as `GET /api/customers/{customer_id}` answered at that moment. An event is recorded with its change, in the same transaction: every change has its event. Follow `next_cursor` until `has_more` is false.",
    security,
    request: {
      query: z.object({
        type: z.enum(EVENT_TYPES).optional(),
        created_after: z.string().optional().meta({
          description: "ISO 8601 date or date-time: only events whose `created_at` (to the second) is later",
        }),
        created_before: z.string().optional().meta({
          description: "ISO 8601 date or date-time: only events whose `created_at` (to the second) is earlier",
        }),
        limit: z.number().int().min(1).max(100).optional().meta({ description: "Page size, default 20" }),
        cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page" }),
      }),
    },
    responses: {
      200: { description: "A page of events", content: { "application/json": { schema: eventListSchema } } },
      ...errorResponses({ 400: "Invalid query parameters (`validation_error` naming each one)", ...authErrors }),
    },
  });

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

  registry.registerPath({
    method: "get",
    path: "/api/health",
    operationId: "health",
    tags: ["Service"],
    summary: "Health check",
    responses: {
      200: {
        description: "The database answers",
        content: { "application/json": { schema: z.object({ status: z.literal("ok"), database: z.literal("ok") }) } },
      },
      503: { description: "The database does not answer" },
    },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "AxisFI Partner API",
      version: "1.0.0",
      description:
        "Onboard your business customers onto AxisFI. Authenticate every request with your key pair in the `X-API-Key` and `X-API-Secret` headers. Every response carries an `X-Request-Id`; errors repeat it as `error.request_id`.",
    },
    servers: [{ url: "http://127.0.0.1:8083" }],
  });
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let document: OpenApiDocument | null = null;

/** The OpenAPI 3.1 document, generated once from the same Zod schemas that validate requests. */
export function openApiDocument(): OpenApiDocument {
  document ??= buildDocument();
  return document;
}
