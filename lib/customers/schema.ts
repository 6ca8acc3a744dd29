/**
 * The one vocabulary of a customer: the five sections of the Create Customer request, composed
 * into the request schema. Browser-safe (no server imports): the wizard validates each step with
 * a section schema, the API validates the whole request, and the OpenAPI document is generated
 * from the same objects.
 */
import { z } from "zod";
import phoneMetadata from "libphonenumber-js/min/metadata";
import {
  DESCRIPTION_MAX,
  amount,
  countryCode,
  currencyCode,
  email,
  fileId,
  isCountryCode,
  isCurrencyCode,
  latinName,
  optionalCountryCode,
  optionalDate,
  optionalFileId,
  optionalText,
  requiredDate,
  requiredText,
  textTypeError,
  websiteUrl,
  withCode,
} from "./fields";
import { zodMessage, type MessageKey } from "@/lib/errors";
import { ISO_COUNTRY_CODES, ISO_CURRENCY_CODES } from "./code-lists";
import { MAX_BUSINESS_PERSONS, MAX_DOCUMENTS } from "./limits";
import { INDUSTRY_CATEGORIES, INDUSTRY_CATEGORY_CODES } from "./industry-categories";
import { PHONE_INPUT_MAX, checkPhoneNumber } from "./phone";

/**
 * What the OpenAPI document declares of a field beyond what Zod can tell it (a refinement or a
 * piped check is invisible to the generator): the same lists and rules the checks of fields.ts
 * apply. Declarations only: nothing here changes what is accepted.
 */
const COUNTRY_CODES = ISO_COUNTRY_CODES.filter(isCountryCode).sort();
const CURRENCY_CODES = ISO_CURRENCY_CODES.filter(isCurrencyCode).sort();
/** Per calling code, the national number patterns of its countries: what a valid phone number is. */
const PHONE_NUMBER = (() => {
  const byCallingCode = new Map<string, Set<string>>();
  for (const [callingCode, , nationalPattern] of Object.values(phoneMetadata.countries)) {
    if (typeof nationalPattern !== "string") continue;
    byCallingCode.set(callingCode, (byCallingCode.get(callingCode) ?? new Set()).add(nationalPattern));
  }
  const plans = [...byCallingCode].map(([code, patterns]) => `${code}(?:${[...patterns].join("|")})`);
  return `^\\+(?:${plans.join("|")})$`;
})();
const DATE_OR_DATE_TIME = [
  { format: "date", pattern: "^[1-9]\\d{3}-\\d{2}-\\d{2}$" },
  {
    format: "date-time",
    pattern: "^[1-9]\\d{3}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})$",
  },
];
// The common Latin blocks (the check itself reads Unicode's Script=Latin property).
// Written as the characters themselves, which every pattern engine and generator reads alike.
const LATIN_LETTER = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF";
const LATIN_OR_NOT_A_LETTER = `${LATIN_LETTER} -@\\[-\`{-~\u00A0-\u00B4\u00B6-\u00BF\u00D7\u00F7\u0300-\u036F\u2010-\u205E`;
const declared = {
  requiredText: { minLength: 1 },
  /** Latin letters (accents and marks allowed) with any digits, spaces and punctuation, at least one letter. */
  latinName: {
    minLength: 1,
    pattern: `^[${LATIN_OR_NOT_A_LETTER}]*[${LATIN_LETTER}][${LATIN_OR_NOT_A_LETTER}]*$`,
  },
  country: { enum: COUNTRY_CODES },
  optionalCountry: { enum: [...COUNTRY_CODES, null] },
  currency: { enum: CURRENCY_CODES },
  /** A date (midnight UTC) or a date-time with Z or an offset, in years 1000–9999. */
  date: { anyOf: DATE_OR_DATE_TIME },
  email: { format: "email" },
  website: {
    // A port is 0–65535: a larger one is no URL.
    pattern:
      "^https?://[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}" +
      "(?::(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(?:[/?#][!-~]*)?$",
    description: "An http(s) URL whose host has a dot",
  },
  phone: {
    pattern: PHONE_NUMBER,
    description:
      "Phone number in E.164 format (`+`, the country calling code, the national number: 7–15 digits), valid for its country's numbering plan. A request may separate the digits with spaces, dashes, dots and parentheses (`+65 6222 3344`, `+1 (415) 555-0100`) and show a trunk prefix as `(0)` (`+44 (0)20 7946 0018`); the number is stored and returned in E.164. A number without `+` and its country code is refused, having no country.",
    example: "+8613800138000",
  },
  amount: { multipleOf: 0.01 },
  fileId: { pattern: "^file_[0-9a-f]{32}$", minLength: 37, maxLength: 37 },
};

export { MAX_BUSINESS_PERSONS, MAX_DOCUMENTS };
export const PARTNER_CUSTOMER_ID_MIN = 20;
export const PARTNER_CUSTOMER_ID_MAX = 64;

export const CUSTOMER_STATUSES = ["pending", "active", "rejected", "suspended"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/**
 * Refinement arguments that flag `laterField` when `earlierField` is after it; both are canonical
 * timestamps, so strings compare. It runs even when other fields of the section failed, so that
 * every error is reported at once.
 */
function dateOrder<T extends Record<string, unknown>>(
  earlierField: keyof T & string,
  laterField: keyof T & string,
  message: MessageKey,
): [(value: T) => boolean, { path: PropertyKey[]; when: (payload: z.core.ParsePayload) => boolean }] {
  const inOrder = (value: T) => {
    if (typeof value !== "object" || value === null) return true;
    const earlier = value[earlierField];
    const later = value[laterField];
    return !(typeof earlier === "string" && typeof later === "string" && earlier > later);
  };
  return [
    inOrder,
    {
      path: [laterField],
      ...withCode("date_order", message),
      when: (payload) =>
        !payload.issues.some((issue) => issue.path?.[0] === earlierField || issue.path?.[0] === laterField),
    },
  ];
}

export const businessDetailsSchema = z
  .strictObject({
    business_name_english: latinName().meta({
      ...declared.requiredText,
      description: "Registered business name in Latin script",
    }),
    website: websiteUrl().meta(declared.website),
    business_identifier_number: requiredText(64).meta({
      ...declared.requiredText,
      description: "Company registration number",
    }),
    business_identifier_country_code: countryCode().meta(declared.country),
    business_identifier_document_list: z
      .array(fileId().meta(declared.fileId))
      .max(MAX_DOCUMENTS, { error: zodMessage("atMostDocuments", { max: MAX_DOCUMENTS }) })
      .refine((ids) => new Set(ids).size === ids.length, withCode("duplicate", "fileListedTwice"))
      .nullish()
      .meta({
        uniqueItems: true,
        description: "Company registration documents: file ids from POST /api/files/upload, each at most once",
      }),
    business_name: optionalText().meta({ description: "Registered business name in the local language and script" }),
    business_identifier_start_date: optionalDate().meta(declared.date),
    business_identifier_expiry_date: optionalDate().meta(declared.date),
  })
  .refine(...dateOrder("business_identifier_start_date", "business_identifier_expiry_date", "expiryBeforeStart"))
  .meta({ id: "BusinessDetails", description: "Company details section" });

export const registrationAddressSchema = z
  .strictObject({
    registration_address_line1: requiredText().meta(declared.requiredText),
    registration_address_city: requiredText().meta(declared.requiredText),
    registration_address_state: optionalText(),
    registration_address_postcode: optionalText(32),
    registration_address_country_code: countryCode().meta(declared.country),
  })
  .meta({ id: "RegistrationAddress", description: "Registration address section" });

export const accountUsageSchema = z
  .strictObject({
    operating_country: countryCode().meta(declared.country),
    goods_service_description: optionalText(DESCRIPTION_MAX),
    industry_category_code: optionalText(8)
      .refine(
        (code) => code == null || INDUSTRY_CATEGORY_CODES.has(code),
        withCode("invalid_category", "industryCategory"),
      )
      .meta({
        description: "Industry category: an ISO 18245 merchant category code from the list",
        example: "5999",
        enum: [...INDUSTRY_CATEGORIES.map((category) => category.code), null],
      }),
    estimated_monthly_revenue_currency: currencyCode().meta(declared.currency),
    estimated_monthly_revenue_amount: amount().meta(declared.amount),
  })
  .meta({ id: "AccountUsage", description: "Business details section: how the account will be used" });

/**
 * The contact phone: an international number as people write it (separators allowed), valid for
 * its country, normalised to E.164. The message says what is wrong (no country code, not a valid
 * number of that country).
 */
function contactPhone() {
  return optionalText(PHONE_INPUT_MAX)
    .superRefine((value, context) => {
      if (value == null) return;
      const check = checkPhoneNumber(value);
      if (!check.ok) {
        context.addIssue({
          code: "custom",
          message: zodMessage(check.message.key, check.message.values),
          params: { code: "invalid_phone" },
        });
      }
    })
    .transform((value) => {
      if (value == null) return value;
      const check = checkPhoneNumber(value);
      return check.ok ? check.e164 : value;
    });
}

export const primaryContactSchema = z
  .strictObject({
    contact_phone: contactPhone().meta(declared.phone),
    contact_email: email().meta(declared.email),
  })
  .meta({ id: "PrimaryContact", description: "Primary contact section" });

const EARLIEST_BIRTH_DATE = "1900-01-01T00:00:00Z";

export const basicInfoSchema = z
  .strictObject({
    first_name_english: latinName().meta(declared.latinName),
    last_name_english: latinName().meta(declared.latinName),
    birth_date: requiredDate()
      .refine(
        (date) => date >= EARLIEST_BIRTH_DATE && Date.parse(date) < Date.now(),
        withCode("date_not_past", "birthDatePast"),
      )
      .meta({ ...declared.date, description: "ISO 8601 date or date-time, in the past and from 1900 on" }),
    nationality: countryCode().meta(declared.country),
    first_name: optionalText().meta({ description: "First name in the local language and script" }),
    last_name: optionalText().meta({ description: "Last name in the local language and script" }),
  })
  .meta({ id: "BusinessPersonBasicInfo" });

export const residentialAddressSchema = z
  .strictObject({
    residential_address_line1: optionalText(),
    residential_address_city: optionalText(),
    residential_address_postcode: optionalText(32),
    residential_address_country_code: optionalCountryCode().meta(declared.optionalCountry),
    residential_address_state: optionalText(),
  })
  .meta({ id: "BusinessPersonResidentialAddress" });

export const identificationSchema = z
  .strictObject({
    id_number: requiredText(64)
      // Stored ID numbers are sealed with this prefix; a number that looks sealed is no ID number.
      .refine((value) => !value.startsWith("enc:"), withCode("invalid_format", "idNumberAsPrinted"))
      .meta({
        ...declared.requiredText,
        description: "Identity document number. Never logged; masked in the back office.",
      }),
    id_issuing_country_code: countryCode().meta(declared.country),
    id_expiration_date: optionalDate().meta(declared.date),
    id_issue_date: optionalDate().meta(declared.date),
    id_document_front_file_id: optionalFileId().meta(declared.fileId),
    id_document_back_file_id: optionalFileId().meta(declared.fileId),
  })
  .refine(...dateOrder("id_issue_date", "id_expiration_date", "expirationBeforeIssue"))
  .meta({ id: "BusinessPersonIdentification" });

export const businessPersonSchema = z
  .strictObject({
    basic_info: basicInfoSchema,
    residential_address: residentialAddressSchema.nullish(),
    identification: identificationSchema,
  })
  .meta({ id: "BusinessPerson", description: "A legal representative of the business" });

export const businessPersonListSchema = z
  .array(businessPersonSchema)
  .min(1, { error: zodMessage("addRepresentative") })
  .max(MAX_BUSINESS_PERSONS, { error: zodMessage("atMostRepresentatives", { max: MAX_BUSINESS_PERSONS }) })
  .meta({ description: "List of legal representatives" });

export const partnerCustomerIdSchema = z
  .string({ error: textTypeError })
  .trim()
  .min(PARTNER_CUSTOMER_ID_MIN, { error: zodMessage("mustBeAtLeast", { min: PARTNER_CUSTOMER_ID_MIN }) })
  .max(PARTNER_CUSTOMER_ID_MAX, { error: zodMessage("mustBeAtMost", { max: PARTNER_CUSTOMER_ID_MAX }) })
  .regex(/^[\x21-\x7e]+$/, withCode("invalid_format", "visibleAscii"))
  .meta({
    description: "Partner Assigned Customer ID: 20–64 visible ASCII characters, unique per partner",
    example: "acme-customer-0000000001",
  });

export const createCustomerRequestSchema = z
  .strictObject({
    partner_customer_id: partnerCustomerIdSchema,
    business_details: businessDetailsSchema,
    registration_address: registrationAddressSchema,
    account_usage: accountUsageSchema,
    primary_contact: primaryContactSchema,
    business_person_list: businessPersonListSchema,
  })
  .meta({ id: "CreateCustomerRequest", description: "Add Customer Request Vocabulary" });

/** What a partner sends (before trimming and normalising). */
export type CreateCustomerInput = z.input<typeof createCustomerRequestSchema>;
/** What the domain receives: trimmed, normalised, validated. */
export type CreateCustomerRequest = z.output<typeof createCustomerRequestSchema>;
export type BusinessPersonRequest = z.output<typeof businessPersonSchema>;

/** The wizard's steps, each validated by one section schema. */
export const SECTION_SCHEMAS = {
  business_details: businessDetailsSchema,
  registration_address: registrationAddressSchema,
  account_usage: accountUsageSchema,
  primary_contact: primaryContactSchema,
  business_person_list: businessPersonListSchema,
} as const;
