/**
 * The one error type of the domain, and the one mapping from Zod issues to field errors.
 * Browser-safe: forms show the same field errors the API returns.
 */
import type { z } from "zod";
import { REQUIRED, type FieldErrorCode } from "./customers/fields";

export type ErrorCode =
  | "validation_error"
  | "invalid_json"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "duplicate_partner_customer_id"
  | "idempotency_key_reused"
  | "idempotency_key_in_use"
  | "invalid_idempotency_key"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unsupported_file_type"
  | "invalid_transition"
  | "customer_not_pending"
  | "endpoint_limit_reached"
  | "conflict"
  | "draft_not_open"
  | "rate_limited"
  | "internal_error";

export interface FieldError {
  /** Full dotted path of the field, e.g. `business_person_list.0.basic_info.birth_date`. */
  field: string;
  code: FieldErrorCode | string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details: FieldError[] = [],
    /** Extra, non-sensitive facts for the caller, such as the existing customer_id on a duplicate. */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function validationError(details: FieldError[], message = "The request has invalid fields."): AppError {
  return new AppError("validation_error", 400, message, details);
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** Every failing field at once, with its full path and a stable code. */
export function fieldErrorsFromZod(error: z.ZodError, pathPrefix: readonly PropertyKey[] = []): FieldError[] {
  const details: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...pathPrefix, ...issue.path];
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          details.push({
            field: joinPath([...path, key]),
            code: "unknown_field",
            message: "This field is not part of the API.",
          });
        }
        break;
      case "invalid_type":
        details.push({
          field: joinPath(path),
          code: issue.message === REQUIRED ? "required" : "invalid_type",
          message: issue.message,
        });
        break;
      case "too_small":
        details.push({
          field: joinPath(path),
          code: issue.origin === "string" && issue.minimum === 1 ? "required" : "too_short",
          message: issue.message,
        });
        break;
      case "too_big":
        details.push({ field: joinPath(path), code: "too_long", message: issue.message });
        break;
      case "invalid_format":
        details.push({
          field: joinPath(path),
          code: issue.format === "email" ? "invalid_email" : issue.format === "url" ? "invalid_url" : "invalid_format",
          message: issue.message,
        });
        break;
      case "custom":
        details.push({
          field: joinPath(path),
          code: (issue.params?.code as string | undefined) ?? "invalid_format",
          message: issue.message,
        });
        break;
      default:
        details.push({ field: joinPath(path), code: "invalid_format", message: issue.message });
    }
  }
  return details;
}
