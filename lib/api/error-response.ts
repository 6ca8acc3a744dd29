import "server-only";
import { AppError, type FieldError } from "@/lib/errors";
import { translateFieldErrors, translateMessage } from "@/lib/i18n/error-messages";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
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

/** What an error answer says of its language; the same request in another language reads otherwise. */
function languageHeaders(locale: Locale): Record<string, string> {
  return { "Content-Language": locale, Vary: "Accept-Language" };
}

/**
 * The one JSON error body of the partner API (and of the portal's upload route). Its `message`s
 * are in `locale` (English by default, the words lib/ wrote); codes, fields and everything else
 * are the same in every language.
 */
export function errorResponse(error: AppError, requestId: string, locale: Locale = DEFAULT_LOCALE): ApiResponse {
  return jsonResponse(
    error.status,
    {
      error: {
        code: error.code,
        message: translateMessage(error.message, locale),
        ...(error.details.length > 0 ? { details: translateFieldErrors(boundedDetails(error.details), locale) } : {}),
        ...error.extra,
        request_id: requestId,
      },
    },
    languageHeaders(locale),
  );
}

interface ErrorBody {
  error?: { message?: unknown; details?: unknown };
}

/**
 * An error answer written earlier in English (a refusal kept under an Idempotency-Key, and its
 * replays), in `locale`: the door calls this on every answer, so that a retry in another language
 * reads in its own. Success answers and English ones pass unchanged, byte for byte.
 */
export function localizedAnswer(response: ApiResponse, locale: Locale): ApiResponse {
  if (response.status < 400) return response;
  const headers = { ...response.headers, ...languageHeaders(locale) };
  if (locale === DEFAULT_LOCALE) return { ...response, headers };
  let body: ErrorBody;
  try {
    body = JSON.parse(response.body) as ErrorBody;
  } catch {
    return { ...response, headers };
  }
  const error = body.error;
  if (!error || typeof error !== "object") return { ...response, headers };
  if (typeof error.message === "string") error.message = translateMessage(error.message, locale);
  if (Array.isArray(error.details)) {
    for (const detail of error.details as { message?: unknown }[]) {
      if (detail && typeof detail.message === "string") detail.message = translateMessage(detail.message, locale);
    }
  }
  return { ...response, headers, body: JSON.stringify(body) };
}

export function internalError(): AppError {
  return new AppError(
    "internal_error",
    500,
    "Something went wrong on our side. Try again; if it persists, contact support with the request_id.",
  );
}
