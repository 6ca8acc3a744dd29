/**
 * Phone numbers as people type them. Browser-safe (zod-free, the phone library's small metadata):
 * the contact phone schema (./schema.ts) checks and normalises with `checkPhoneNumber`, and the
 * wizard's contact step completes a national number with its country's calling code through
 * `completePhoneNumber` (loaded with the step's validation code, not with the page).
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import type { Message } from "@/lib/errors";

/** What a typed number may hold besides digits and a leading +: spaces, dashes, dots, parentheses. */
const SEPARATORS = /[\s\u00A0\u2010-\u2015.()-]/g;
const E164 = /^\+[1-9]\d{6,14}$/;
/** "(0)": the trunk prefix that British, Singaporean and other numbers show after the country code. */
const TRUNK_PREFIX = /\(\s*0\s*\)/;
/** Room for an E.164 number written with separators: "+1 (415) 555-0100" and its like. */
export const PHONE_INPUT_MAX = 32;
export const PHONE_EXAMPLE = "+65 6222 3344";

export type PhoneCheck = { ok: true; e164: string } | { ok: false; message: Message };

/**
 * Whether `input` is an international number valid for its country's numbering plan, separators
 * allowed; if so its E.164 form (`+6562223344`), else a message saying what is wrong.
 */
export function checkPhoneNumber(input: string): PhoneCheck {
  // "+44 (0)20 7946 0018" is dialled from abroad without its 0. Italy's numbers keep theirs
  // ("+39 (0)6 …" is +39 06 …), so the number as written is tried when the shorter one is not valid.
  if (TRUNK_PREFIX.test(input) && input.trimStart().startsWith("+")) {
    const withoutTrunkPrefix = checkWrittenNumber(input.replace(TRUNK_PREFIX, ""));
    if (withoutTrunkPrefix.ok) return withoutTrunkPrefix;
  }
  return checkWrittenNumber(input);
}

function checkWrittenNumber(input: string): PhoneCheck {
  const compact = input.replace(SEPARATORS, "");
  if (!compact.startsWith("+")) {
    return {
      ok: false,
      message: {
        key: /^\d+$/.test(compact) ? "phoneNeedsCountryCode" : "enterPhoneWithCountryCode",
        values: { example: PHONE_EXAMPLE },
      },
    };
  }
  if (!/^\+\d+$/.test(compact)) {
    return {
      ok: false,
      message: { key: "phoneDigitsOnly" },
    };
  }
  if (!E164.test(compact)) {
    return {
      ok: false,
      message: { key: "phoneLength", values: { example: PHONE_EXAMPLE } },
    };
  }
  const parsed = parsePhoneNumberFromString(compact);
  if (!parsed) return { ok: false, message: { key: "phoneNoCountryCode", values: { example: PHONE_EXAMPLE } } };
  if (parsed.isValid()) return { ok: true, e164: parsed.number };
  const countries = parsed.getPossibleCountries();
  const country = parsed.country ?? (countries.length === 1 ? countries[0] : undefined);
  return {
    ok: false,
    message: country
      ? { key: "phoneInvalidForCountry", values: { country } }
      : { key: "phoneInvalidForCallingCode", values: { callingCode: parsed.countryCallingCode } },
  };
}

/**
 * A number as typed, completed for the country chosen beside it: an international number (with
 * +) stays as typed; a national one gets the country's calling code, written the international
 * way ("020 7946 0958" in GB becomes "+44 20 7946 0958"). What cannot be read as that country's
 * number gets the calling code in front, so that the check names the country it is not valid for.
 */
export function completePhoneNumber(typed: string, country: string, callingCode: string): string {
  const value = typed.trim();
  if (value === "" || value.startsWith("+") || !/\d/.test(value)) return value;
  const parsed = parsePhoneNumberFromString(value, country as CountryCode);
  if (parsed?.isValid()) return parsed.formatInternational();
  return `+${callingCode} ${value}`;
}

/** A country of the contact step's phone selector, with the calling code that completes a national number. */
export interface PhoneCountry {
  value: string;
  label: string;
  callingCode: string;
}
