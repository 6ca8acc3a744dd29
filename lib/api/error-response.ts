import "server-only";
import { AppError, type FieldError } from "@/lib/errors";
import { jsonResponse, type ApiResponse } from "./http";

/**
 * At most this many field errors are listed, then one entry says how many more there were. An
 * error is kept 24 h under an Idempotency-Key, and a 0.9 MB body of unknown keys once made a
 * 7.3 MB answer; a hundred is more than anyone fixes in one go.
 */
export const MAX_ERROR_DETAILS = 100;
/** A field path is the caller's own key names, which can be as long as the body: cut it short. */
const MAX_FIELD_PATH = 200;

function clipped(field: string): string {
  return field.length > MAX_FIELD_PATH ? `${field.slice(0, MAX_FIELD_PATH - 1)}…` : field;
}

function boundedDetails(details: FieldError[]): FieldError[] {
  const shown = details.slice(0, MAX_ERROR_DETAILS).map((detail) => ({ ...detail, field: clipped(detail.field) }));
  if (details.length > MAX_ERROR_DETAILS) {
    const more = (details.length - MAX_ERROR_DETAILS).toLocaleString("en-US");
    shown.push({ field: "", code: "too_many_errors", message: `…and ${more} more` });
  }
  return shown;
}

/** The one JSON error body of the partner API (and of the portal's upload route). */
export function errorResponse(error: AppError, requestId: string): ApiResponse {
  return jsonResponse(error.status, {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details.length > 0 ? { details: boundedDetails(error.details) } : {}),
      ...error.extra,
      request_id: requestId,
    },
  });
}

export function internalError(): AppError {
  return new AppError(
    "internal_error",
    500,
    "Something went wrong on our side. Try again; if it persists, contact support with the request_id.",
  );
}
