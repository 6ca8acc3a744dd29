import "server-only";
import { AppError } from "@/lib/errors";
import { jsonResponse, type ApiResponse } from "./http";

/** The one JSON error body of the partner API. */
export function errorResponse(error: AppError, requestId: string): ApiResponse {
  return jsonResponse(error.status, {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details.length > 0 ? { details: error.details } : {}),
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
