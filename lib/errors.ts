/**
 * The one error type of the domain, the message codes it speaks in, and the one mapping from Zod
 * issues to field errors. Browser-safe: forms show the same field errors the API returns.
 *
 * A refusal never carries words: it carries a message code (a key of the `errors` catalog,
 * `messages/errors/<locale>.json`) and the values its words need. Each door says it in the
 * reader's language (lib/i18n/error-text.ts), so a message is written once per language, in the
 * catalog, and nothing ever matches English text.
 */
import { z } from "zod";
import type errorCatalog from "@/messages/errors/en.json";

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

/** Stable machine-readable codes for field errors; the API returns them in `details[].code`. */
export type FieldErrorCode =
  | "required"
  | "invalid_type"
  | "too_short"
  | "too_long"
  | "unknown_field"
  | "invalid_country_code"
  | "invalid_currency_code"
  | "invalid_email"
  | "invalid_phone"
  | "invalid_url"
  | "invalid_date"
  | "invalid_amount"
  | "invalid_format"
  | "invalid_script"
  | "invalid_file_id"
  | "invalid_category"
  | "date_order"
  | "date_not_past"
  | "duplicate";

/** A message of the `errors` catalog. */
export type MessageKey = keyof typeof errorCatalog;
/**
 * What a message's words are filled in with. A value named `country` is an ISO 3166 code, said
 * as the country's name in the reader's language; anything else is said as given (a number in the
 * reader's number format where the catalog asks for one).
 */
export type MessageValues = Readonly<Record<string, string | number>>;

/** What a refusal says, in no language yet: a catalog key and its values. */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

export interface FieldError {
  /** Full dotted path of the field, e.g. `business_person_list.0.basic_info.birth_date`. */
  field: string;
  code: FieldErrorCode | string;
  message: Message;
}

/** A field error as a door hands it on, its message said in the reader's language. */
export interface FieldErrorText {
  field: string;
  code: string;
  message: string;
}

function asMessage(message: MessageKey | Message): Message {
  return typeof message === "string" ? { key: message } : message;
}

export class AppError extends Error {
  /** What the reader is told, in their language, by the door that answers. */
  readonly userMessage: Message;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: MessageKey | Message,
    readonly details: FieldError[] = [],
    /** Extra, non-sensitive facts for the caller, such as the existing customer_id on a duplicate. */
    readonly extra: Record<string, string> = {},
  ) {
    const userMessage = asMessage(message);
    // The code, not words: logs and stack traces name the message, the catalogs say it.
    super(userMessage.values ? `${userMessage.key} ${JSON.stringify(userMessage.values)}` : userMessage.key);
    this.name = "AppError";
    this.userMessage = userMessage;
  }
}

export function validationError(details: FieldError[], message: MessageKey | Message = "invalidFields"): AppError {
  return new AppError("validation_error", 400, message, details);
}

/**
 * A Zod issue's message is a string, so the schemas write a message code and its values into one
 * (`zodMessage`), and `fieldErrorsFromZod` reads them back: the message of every issue our
 * schemas raise, and of every issue Zod words itself (the error map below), is one of these.
 */
const ENCODED = /^\[".*\]$/s;

export function zodMessage(key: MessageKey, values?: MessageValues): string {
  return JSON.stringify(values ? [key, values] : [key]);
}

/** The message a Zod issue's text holds (the wizard reads it from react-hook-form's errors). */
export function messageOfZodText(text: string): Message {
  if (ENCODED.test(text)) {
    const [key, values] = JSON.parse(text) as [MessageKey, MessageValues?];
    return values ? { key, values } : { key };
  }
  // Only a check that bypassed the error map below (none of ours) gets here.
  return { key: "invalidInput" };
}

/** The code and words of a missing (or null) value, of any type. */
export const REQUIRED = zodMessage("required");

const SIZE_UNITS: Readonly<Record<string, string>> = {
  string: "characters",
  file: "bytes",
  array: "items",
  set: "items",
  map: "entries",
};

/**
 * The message of an issue that a schema does not word itself: a missing value is `required`
 * (whatever its type), anything else Zod's own English sentence as a message code and values, so
 * that it too reads in the reader's language.
 */
function zodDefaultMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input == null) return REQUIRED;
      return zodMessage("invalidType", { expected: issue.expected, received: z.core.util.parsedType(issue.input) });
    case "invalid_value":
      return issue.values.length === 1
        ? zodMessage("invalidValue", { value: z.core.util.stringifyPrimitive(issue.values[0]) })
        : zodMessage("invalidOption", { values: z.core.util.joinValues(issue.values, "|") });
    case "too_big":
    case "too_small": {
      const big = issue.code === "too_big";
      const adjective = issue.exact ? "exactly " : issue.inclusive ? (big ? "<=" : ">=") : big ? "<" : ">";
      const limit = `${adjective}${String(big ? issue.maximum : issue.minimum)}`;
      const unit = SIZE_UNITS[issue.origin ?? ""];
      const origin = issue.origin ?? "value";
      if (unit) return zodMessage(big ? "tooBigSize" : "tooSmallSize", { origin, limit, unit });
      return zodMessage(big ? "tooBig" : "tooSmall", { origin, limit });
    }
    case "invalid_format":
      if (issue.format === "regex" && "pattern" in issue) {
        return zodMessage("invalidPattern", { pattern: String(issue.pattern) });
      }
      return zodMessage("invalidFormat", { format: issue.format });
    case "not_multiple_of":
      return zodMessage("notMultipleOf", { divisor: String(issue.divisor) });
    case "invalid_key":
      return zodMessage("invalidKey", { origin: issue.origin });
    case "invalid_element":
      return zodMessage("invalidElement", { origin: issue.origin });
    default:
      return zodMessage("invalidInput");
  }
}

// Every Zod issue the schemas do not word themselves is worded here (a schema's own message wins).
z.config({ customError: zodDefaultMessage });

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** Every failing field at once, with its full path, a stable code and its message. */
export function fieldErrorsFromZod(error: z.ZodError, pathPrefix: readonly PropertyKey[] = []): FieldError[] {
  const details: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...pathPrefix, ...issue.path];
    const message = messageOfZodText(issue.message);
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          details.push({ field: joinPath([...path, key]), code: "unknown_field", message: { key: "unknownField" } });
        }
        break;
      case "invalid_type":
        details.push({
          field: joinPath(path),
          code: message.key === "required" ? "required" : "invalid_type",
          message,
        });
        break;
      case "too_small":
        details.push({
          field: joinPath(path),
          code: issue.origin === "string" && issue.minimum === 1 ? "required" : "too_short",
          message,
        });
        break;
      case "too_big":
        details.push({ field: joinPath(path), code: "too_long", message });
        break;
      case "invalid_format":
        details.push({
          field: joinPath(path),
          code: issue.format === "email" ? "invalid_email" : issue.format === "url" ? "invalid_url" : "invalid_format",
          message,
        });
        break;
      case "custom":
        details.push({
          field: joinPath(path),
          code: (issue.params?.code as string | undefined) ?? "invalid_format",
          message,
        });
        break;
      default:
        details.push({ field: joinPath(path), code: "invalid_format", message });
    }
  }
  return details;
}
