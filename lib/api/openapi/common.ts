import type { SchemaObject } from "openapi3-ts/oas31";
import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import { INDUSTRY_CATEGORIES } from "@/lib/customers/industry-categories";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_error" }),
      message: z.string().meta({
        description: "For people, in English or, with `Accept-Language: zh-CN`, in Simplified Chinese",
      }),
      details: z
        .array(
          z.object({
            field: z.string().meta({ example: "business_details.website" }),
            code: z.string().meta({ example: "invalid_url" }),
            message: z.string().meta({ description: "In the language of `error.message`" }),
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

export const VALIDATION_RULES = `
Validation rules (every failing field is reported at once, with its full path, in \`error.details\`):

- Unknown fields are rejected (\`unknown_field\`), never silently dropped.
- Strings are trimmed. Names and address lines are at most 255 characters, \`goods_service_description\` at most 1,000. Optional fields that are absent, null or blank are stored as null.
- \`partner_customer_id\`: 20–64 visible ASCII characters without spaces, unique per partner (a duplicate answers 409 naming the existing \`customer_id\`).
- Required: \`business_name_english\`, \`business_identifier_number\`, \`business_identifier_country_code\`, \`registration_address_line1\`, \`registration_address_city\`, \`registration_address_country_code\`, \`operating_country\`, \`estimated_monthly_revenue_currency\`, \`estimated_monthly_revenue_amount\`, \`contact_email\`, and 1–20 people each with \`first_name_english\`, \`last_name_english\`, \`birth_date\`, \`nationality\`, \`id_number\`, \`id_issuing_country_code\`.
- \`*_english\` names are in Latin script (accents allowed); \`business_name\`, \`first_name\` and \`last_name\` accept any script.
- Country codes are ISO 3166-1 alpha-2 (upper case), currencies ISO 4217.
- \`contact_email\` is an email address; \`contact_phone\` an international number valid for its country, stored and returned in E.164 (a request may write it with spaces, dashes, dots and parentheses, like \`+65 6222 3344\`; a number without \`+\` and its country code is refused); \`website\` an http(s) URL.
- \`estimated_monthly_revenue_amount\` is a JSON number from 0 to 1,000,000,000,000 with at most 2 decimals.
- Dates are ISO 8601: a date (\`2023-11-07\`, midnight UTC) or a date-time with \`Z\` or an offset. Responses give every timestamp in UTC to the second (\`2023-11-07T05:31:56Z\`).
- \`business_identifier_start_date\` ≤ \`business_identifier_expiry_date\`; \`id_issue_date\` ≤ \`id_expiration_date\`; \`birth_date\` in the past (after 1900).
- \`industry_category_code\` is one of these ISO 18245 merchant category codes: ${INDUSTRY_CATEGORIES.map((category) => `\`${category.code}\` ${category.name}`).join("; ")}.
- File ids (\`business_identifier_document_list\`, at most 20 and no repeats; \`id_document_front_file_id\`, \`id_document_back_file_id\`) must come from \`POST /api/files/upload\` with the same partner's key.
`;

export const IDEMPOTENCY = `
Send an \`Idempotency-Key\` header (1–255 visible ASCII characters, scoped to your partner account) to retry safely.
For 24 hours, the same key with the same body replays the first response, status and body, errors included, with \`Idempotent-Replayed: true\`.
The same key with a different request (another body, or another endpoint or customer) answers 422 \`idempotency_key_reused\`; while the first request is still running, 409 \`idempotency_key_in_use\`.
With more than 1,000 of your keys under way at once, a new one answers 429 \`rate_limited\`: retry shortly.
`;

/** A documented error status: what it means and every `error.code` it can carry. */
export interface ErrorStatus {
  description: string;
  codes: readonly ErrorCode[];
}

/**
 * The error answers of an operation. Each status is either described with its codes (preferred:
 * the codes are listed in the description and restrict `error.code` of that answer's schema) or,
 * as before, by a plain description. An answer from our side (500 `internal_error`) can come from
 * any operation, so it is added to each.
 */
export function errorResponses(statuses: Record<number, string | ErrorStatus>) {
  const all: Record<number, string | ErrorStatus> = { ...statuses, 500: statuses[500] ?? INTERNAL_ERROR };
  return Object.fromEntries(
    Object.entries(all).map(([status, value]) => {
      if (typeof value === "string") {
        return [status, { description: value, content: { "application/json": { schema: errorSchema } } }];
      }
      const codes = [...new Set(value.codes)];
      const listed = codes.map((code) => `\`${code}\``).join(", ");
      return [
        status,
        {
          description: `${value.description}. Error ${codes.length === 1 ? "code" : "codes"}: ${listed}`,
          content: { "application/json": { schema: errorSchemaWith(codes) } },
        },
      ];
    }),
  );
}

/** The Error object with `error.code` restricted to the codes one answer can carry. */
function errorSchemaWith(codes: readonly ErrorCode[]): SchemaObject {
  return {
    allOf: [
      { $ref: "#/components/schemas/Error" },
      {
        type: "object",
        properties: { error: { type: "object", properties: { code: { type: "string", enum: [...codes] } } } },
      },
    ],
  };
}

export const INTERNAL_ERROR: ErrorStatus = {
  description: "Something went wrong on our side: retry, and quote `error.request_id` if it persists",
  codes: ["internal_error"],
};

export const RATE_LIMITED =
  "Your rate limit, shared by all your API keys, is used up: retry after `Retry-After` seconds. Every authenticated answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`";
export const authErrors = {
  401: { description: "Missing, wrong or revoked credentials (the answer never says which)", codes: ["unauthorized"] },
  429: { description: RATE_LIMITED, codes: ["rate_limited"] },
} satisfies Record<number, ErrorStatus>;

const JSON_BODY_ERRORS = {
  413: { description: "Body over 1 MB", codes: ["payload_too_large"] },
  415: { description: "Content-Type is not application/json", codes: ["unsupported_media_type"] },
} satisfies Record<number, ErrorStatus>;

/** What an operation with a JSON body refuses, besides its own rules. */
export const jsonBodyErrors = {
  400: {
    description: "Malformed JSON or invalid fields (with `details`)",
    codes: ["invalid_json", "validation_error"],
  },
  ...authErrors,
  ...JSON_BODY_ERRORS,
} satisfies Record<number, ErrorStatus>;

/** A path with one operation answers any other method so. */
export const methodNotAllowed = {
  405: { description: "Method not allowed (the `Allow` header names the one allowed)", codes: ["method_not_allowed"] },
} satisfies Record<number, ErrorStatus>;

/** What an `Idempotency-Key` header adds to an operation's refusals (see IDEMPOTENCY). */
const IDEMPOTENCY_ERRORS = {
  400: { description: "or a malformed Idempotency-Key", codes: ["invalid_idempotency_key"] },
  409: {
    description: "or the Idempotency-Key is in use, or it changed while the request ran (retry it)",
    codes: ["idempotency_key_in_use", "conflict"],
  },
  422: {
    description: "Idempotency-Key reused with a different request (body, endpoint or customer)",
    codes: ["idempotency_key_reused"],
  },
  429: { description: "or too many requests with an Idempotency-Key under way at once", codes: ["rate_limited"] },
} satisfies Record<number, ErrorStatus>;

/** An operation's refusals, with those of its `Idempotency-Key` header joined to them status by status. */
export function withIdempotencyErrors(statuses: Record<number, ErrorStatus>): Record<number, ErrorStatus> {
  const merged: Record<number, ErrorStatus> = { ...statuses };
  for (const [status, added] of Object.entries(IDEMPOTENCY_ERRORS)) {
    const own = merged[Number(status)];
    merged[Number(status)] = own
      ? { description: `${own.description}; ${added.description}`, codes: [...own.codes, ...added.codes] }
      : added;
  }
  return merged;
}

/** What both Create Customer and its dry run refuse, with the same status and body. */
export const customerRequestErrors = {
  ...jsonBodyErrors,
  ...methodNotAllowed,
  409: {
    description: "Duplicate `partner_customer_id` (naming the existing `customer_id`)",
    codes: ["duplicate_partner_customer_id"],
  },
} satisfies Record<number, ErrorStatus>;

/**
 * Node's HTTP server answers these before any operation runs, without a JSON body: request
 * headers over 16 KB, or a request that does not arrive in time.
 */
export const transportErrors = {
  408: "The request did not arrive in time (headers within 10 s, the whole request within 60 s); no body",
  431: "Request headers over 16 KB; no body",
};

export const validationResultSchema = z
  .object({ valid: z.literal(true) })
  .meta({ id: "ValidationResult", description: "The request would be accepted by Create Customer as it stands" });

/** Every partner API operation needs both halves of the key pair. */
export const security = [{ ApiKey: [], ApiSecret: [] }];
