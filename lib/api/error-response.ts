import "server-only";
import { AppError, type FieldError, type Message } from "@/lib/errors";
import { sayMessage } from "@/lib/i18n/error-catalogs";
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
    shown.push({
      field: "",
      code: "too_many_errors",
      message: { key: "moreErrors", values: { more: details.length - MAX_ERROR_DETAILS } },
    });
  }
  return shown;
}

/** What an error answer says of its language; the same request in another language reads otherwise. */
function languageHeaders(locale: Locale): Record<string, string> {
  return { "Content-Language": locale, Vary: "Accept-Language" };
}

/**
 * The one JSON error body of the partner API (and of the portal's upload routes), in no language
 * yet: each `message` is a message code and its values. Kept as it is under an Idempotency-Key,
 * so that every replay is said in the language its own request asks for.
 */
interface ErrorRecord {
  error: {
    code: string;
    message: Message | string;
    details?: { field: string; code: string; message: Message | string }[];
    request_id: string;
    [extra: string]: unknown;
  };
}

function errorRecord(error: AppError, requestId: string): ErrorRecord {
  return {
    error: {
      code: error.code,
      message: error.userMessage,
      ...(error.details.length > 0 ? { details: boundedDetails(error.details) } : {}),
      ...error.extra,
      request_id: requestId,
    },
  };
}

/** A record's messages said in `locale`, in place; a text is kept as it is (an answer kept in English before codes). */
function sayRecord(record: ErrorRecord, locale: Locale): ErrorRecord {
  const say = (message: Message | string) => (typeof message === "string" ? message : sayMessage(message, locale));
  record.error.message = say(record.error.message);
  for (const detail of record.error.details ?? []) detail.message = say(detail.message);
  return record;
}

/**
 * The one JSON error body of the partner API (and of the portal's upload route), its `message`s in
 * `locale` (English by default); codes, fields and everything else are the same in every language.
 */
export function errorResponse(error: AppError, requestId: string, locale: Locale = DEFAULT_LOCALE): ApiResponse {
  return jsonResponse(error.status, sayRecord(errorRecord(error, requestId), locale), languageHeaders(locale));
}

/** An error answer to keep under an Idempotency-Key: said in no language until it is answered. */
export function storableErrorResponse(error: AppError, requestId: string): ApiResponse {
  return jsonResponse(error.status, errorRecord(error, requestId));
}

/**
 * A handler's own answer as the caller reads it: an error answer kept under an Idempotency-Key
 * (and each replay of it) is said in the language this request asks for, with the same status,
 * codes and fields. Success answers pass unchanged, byte for byte.
 */
export function localizedAnswer(response: ApiResponse, locale: Locale): ApiResponse {
  if (response.status < 400) return response;
  const headers = { ...response.headers, ...languageHeaders(locale) };
  let record: ErrorRecord;
  try {
    record = JSON.parse(response.body) as ErrorRecord;
  } catch {
    return { ...response, headers };
  }
  if (!record?.error || typeof record.error !== "object") return { ...response, headers };
  return { ...response, headers, body: JSON.stringify(sayRecord(record, locale)) };
}

export function internalError(): AppError {
  return new AppError("internal_error", 500, "internalError");
}
