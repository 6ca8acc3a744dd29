/**
 * Field-level building blocks of the customer schemas. Browser-safe: zod, the ISO code lists and
 * the phone library only, so the wizard, the API and the OpenAPI generator read the same rules.
 */
import { z } from "zod";
import { ISO_COUNTRY_CODES, ISO_CURRENCY_CODES } from "./code-lists";
import { REQUIRED, zodMessage, type FieldErrorCode, type MessageKey, type MessageValues } from "@/lib/errors";
import { hasIdShape } from "@/lib/ids";

export type { FieldErrorCode };
export { REQUIRED };

export const NAME_MAX = 255;
export const DESCRIPTION_MAX = 1000;

/** Attach our error code and message to a Zod refinement, read back by `fieldErrorsFromZod`. */
export function withCode(code: FieldErrorCode, key: MessageKey, values?: MessageValues) {
  return { error: zodMessage(key, values), params: { code } };
}

/** The message for a value of the wrong JSON type: missing, or not a string. */
export function textTypeError(issue: { input?: unknown }): string {
  return issue.input === undefined || issue.input === null ? REQUIRED : zodMessage("mustBeText");
}

// Control characters never belong in a name, an address or an identifier.
const CONTROL_CHARS = /\p{Cc}/u;

function text(max: number) {
  return (
    z
      .string({ error: textTypeError })
      .trim()
      .max(max, { error: zodMessage("mustBeAtMost", { max }) })
      .refine((value) => !CONTROL_CHARS.test(value), withCode("invalid_format", "noControlCharacters"))
      // Half of a UTF-16 surrogate pair is no character: JSON lets it through, the database refuses it.
      .refine((value) => !LONE_SURROGATE.test(value), withCode("invalid_format", "validUnicode"))
  );
}

const LONE_SURROGATE = /\p{Cs}/u;

/** Present and not blank. Checks piped after it do not run on a missing value, so it gets one error. */
function nonEmpty() {
  return z.string().min(1, { error: REQUIRED });
}

/** A string check that runs only on a non-blank value. */
function thenCheck(check: (value: string) => boolean, params: ReturnType<typeof withCode>) {
  return nonEmpty().pipe(z.string().refine(check, params));
}

/** A required, trimmed, length-capped string. */
export function requiredText(max = NAME_MAX) {
  return text(max).pipe(nonEmpty());
}

/**
 * An optional string: absent, null or blank all mean "not given", because partners commonly send
 * "" for an unset field and an HTML form always does.
 */
export function optionalText(max = NAME_MAX) {
  return text(max)
    .transform((value) => (value === "" ? undefined : value))
    .nullish();
}

// Latin letters (with accents), marks, digits, spaces and punctuation; no letters of other scripts.
const LATIN_TEXT = /^(?:\p{Script=Latin}|\p{M}|[^\p{L}])*$/u;
const HAS_LATIN_LETTER = /\p{Script=Latin}/u;

/** A name in Latin script, as the `*_english` fields require. */
export function latinName() {
  return text(NAME_MAX).pipe(
    thenCheck(
      (value) => LATIN_TEXT.test(value) && HAS_LATIN_LETTER.test(value),
      withCode("invalid_script", "latinLetters"),
    ),
  );
}

const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_COUNTRY_CODES);

export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && COUNTRY_CODES.has(value);
}

export function countryCode() {
  return z
    .string({ error: textTypeError })
    .trim()
    .pipe(thenCheck(isCountryCode, withCode("invalid_country_code", "countryCode")))
    .meta({ description: "ISO 3166-1 alpha-2 country code", example: "US", pattern: "^[A-Z]{2}$" });
}

// ISO 4217 also lists precious metals, fund and accounting units, test and "no currency" codes:
// none of them is money a business earns.
const NON_CURRENCIES = new Set([
  ...["XAU", "XAG", "XPT", "XPD", "XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD", "XTS", "XXX"],
  ...["BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"],
]);
const CURRENCY_CODES: ReadonlySet<string> = new Set(ISO_CURRENCY_CODES.filter((code) => !NON_CURRENCIES.has(code)));

export function isCurrencyCode(value: string): boolean {
  return CURRENCY_CODES.has(value);
}

export function currencyCode() {
  return z
    .string({ error: textTypeError })
    .trim()
    .pipe(thenCheck(isCurrencyCode, withCode("invalid_currency_code", "currencyCode")))
    .meta({ description: "ISO 4217 currency code", example: "USD", pattern: "^[A-Z]{3}$" });
}

export function email() {
  return z
    .string({ error: textTypeError })
    .trim()
    .max(254, { error: zodMessage("mustBeAtMost", { max: 254 }) })
    .pipe(nonEmpty().pipe(z.email({ error: zodMessage("validEmail") })))
    .meta({ example: "service@gemini.com" });
}

export function websiteUrl() {
  return optionalText(2048)
    .refine(
      (value) => {
        if (value == null) return true;
        try {
          if (/\s/.test(value)) return false;
          const url = new URL(value);
          return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
        } catch {
          return false;
        }
      },
      withCode("invalid_url", "webAddress"),
    )
    .meta({ example: "https://www.example.com" });
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 date or date-time (with Z or an offset) into the canonical UTC form the API
 * answers with, to the second: `2023-11-07T05:31:56Z`. A date alone means midnight UTC.
 */
export function canonicalTimestamp(value: string): string | null {
  // The schemas check a date, then transform it: the second call for the same text is free.
  if (value === lastTimestampInput) return lastTimestampOutput;
  const output = parseTimestamp(value);
  lastTimestampInput = value;
  lastTimestampOutput = output;
  return output;
}

let lastTimestampInput: string | null = null;
let lastTimestampOutput: string | null = null;

function parseTimestamp(value: string): string | null {
  const dateOnly = DATE_ONLY.exec(value);
  const dateTime = dateOnly ? null : DATE_TIME.exec(value);
  const parts = dateOnly ?? dateTime;
  if (!parts) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  // Reject impossible calendar dates (2023-02-30) that Date would silently roll over.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return null;
  }
  if (dateTime && (Number(dateTime[4]) > 23 || Number(dateTime[5]) > 59 || Number(dateTime[6] ?? 0) > 59)) return null;
  const parsed = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  // An offset can carry a date into year 10000, which has no four-digit form.
  if (Number.isNaN(parsed.getTime()) || parsed.getUTCFullYear() < 1000 || parsed.getUTCFullYear() > 9999) return null;
  return toApiTimestamp(parsed);
}

/** The one timestamp format of every API response: ISO 8601 UTC, to the second. */
export function toApiTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19) + "Z";
}

function timestamp() {
  return z
    .string({ error: textTypeError })
    .trim()
    .pipe(thenCheck((value) => canonicalTimestamp(value) !== null, withCode("invalid_date", "isoDate")))
    .transform((value) => canonicalTimestamp(value) as string);
}

export function requiredDate() {
  return timestamp().meta({ description: "ISO 8601 date or date-time", example: "2023-11-07T05:31:56Z" });
}

export function optionalDate() {
  return optionalText(40)
    .refine((value) => value == null || canonicalTimestamp(value) !== null, withCode("invalid_date", "isoDate"))
    .transform((value) => (value == null ? undefined : (canonicalTimestamp(value) as string)))
    .meta({ description: "ISO 8601 date or date-time", example: "2023-11-07T05:31:56Z" });
}

export const AMOUNT_MAX = 1_000_000_000_000;

export function amount() {
  return z
    .number({
      error: (issue) => (issue.input == null ? REQUIRED : zodMessage("mustBeNumber")),
    })
    .refine(
      (value) => Number.isFinite(value) && value >= 0 && value <= AMOUNT_MAX && /^\d+(\.\d{1,2})?$/.test(String(value)),
      withCode("invalid_amount", "amountRange"),
    )
    .meta({ example: 99.99, minimum: 0, maximum: AMOUNT_MAX, description: "At most 2 decimals" });
}

export function fileId() {
  return z
    .string({ error: textTypeError })
    .trim()
    .refine((value) => hasIdShape("file", value), withCode("invalid_file_id", "uploadedFileId"))
    .meta({ description: "A file_id from POST /api/files/upload", example: "file_0123456789abcdef0123456789abcdef" });
}

export function optionalFileId() {
  return optionalText(37).refine(
    (value) => value == null || hasIdShape("file", value),
    withCode("invalid_file_id", "uploadedFileId"),
  );
}

export function optionalCountryCode() {
  return optionalText(8)
    .refine((value) => value == null || isCountryCode(value), withCode("invalid_country_code", "countryCode"))
    .meta({ description: "ISO 3166-1 alpha-2 country code", example: "US" });
}

// The labels live in their own module, free of Zod, so that a form can name its fields without
// loading the schemas' code.
export {
  FIELD_PATHS,
  PERSON_FIELD_PATHS,
  fieldLabel,
  personFieldLabel,
  requestableFieldPaths,
  requestableFields,
  type FieldLabels,
  type RequestableField,
} from "./field-labels";
