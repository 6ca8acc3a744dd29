import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFromZod } from "@/lib/errors";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import { englishOf } from "@/tests/helpers/said";
import { INDUSTRY_CATEGORIES } from "./industry-categories";
import { checkPhoneNumber, completePhoneNumber } from "./phone";
import {
  MAX_BUSINESS_PERSONS,
  MAX_DOCUMENTS,
  SECTION_SCHEMAS,
  basicInfoSchema,
  businessDetailsSchema,
  createCustomerRequestSchema,
  identificationSchema,
  primaryContactSchema,
  residentialAddressSchema,
} from "./schema";

const PARTNER_ID = "acme-customer-0000000001";
const VALID_FILE_ID = "file_0123456789abcdef0123456789abcdef";

/** Marks a field to delete from the request in `requestWith`. */
const ABSENT = Symbol("absent");

type Changes = Record<string, unknown>;
type FieldIssue = { field: string; code: string };

function validRequest() {
  return structuredClone(exampleCustomerRequest(PARTNER_ID));
}

/**
 * The valid example with each change applied; keys are dotted paths as in error fields, such as
 * `business_person_list.0.basic_info.birth_date`, and ABSENT deletes the field.
 */
function requestWith(changes: Changes): Record<string, unknown> {
  const request: Record<string, unknown> = validRequest();
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split(".");
    const last = keys.pop() as string;
    let target = request;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    if (value === ABSENT) delete target[last];
    else target[last] = value;
  }
  return request;
}

function errorsOf(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return fieldErrorsFromZod(result.error).map(({ field, code }) => ({ field, code }));
}

function requestErrors(changes: Changes): FieldIssue[] {
  return errorsOf(createCustomerRequestSchema, requestWith(changes));
}

function parseRequest(changes: Changes = {}) {
  const result = createCustomerRequestSchema.safeParse(requestWith(changes));
  if (!result.success) throw new Error(JSON.stringify(fieldErrorsFromZod(result.error)));
  return result.data;
}

function expectValid(changes: Changes) {
  expect(requestErrors(changes)).toEqual([]);
}

function expectError(changes: Changes, field: string, code: string) {
  expect(requestErrors(changes)).toEqual([{ field, code }]);
}

/** Expects the error at the changed path itself, for single-field changes. */
function expectFieldError(path: string, value: unknown, code: string) {
  expectError({ [path]: value }, path, code);
}

const person = (part: "basic_info" | "residential_address" | "identification", field: string) =>
  `business_person_list.0.${part}.${field}`;

const nextYear = new Date().getUTCFullYear() + 1;

describe("the published example", () => {
  it("parses, unchanged since it is already canonical", () => {
    const result = createCustomerRequestSchema.safeParse(exampleCustomerRequest(PARTNER_ID));
    expect(result.success).toBe(true);
    expect(result.data).toEqual(exampleCustomerRequest(PARTNER_ID));
  });

  it("parses with uploaded file ids", () => {
    const request = exampleCustomerRequest(PARTNER_ID, {
      documentIds: [VALID_FILE_ID, "file_ffffffffffffffffffffffffffffffff"],
      idFrontFileId: VALID_FILE_ID,
      idBackFileId: "file_00000000000000000000000000000000",
    });
    expect(errorsOf(createCustomerRequestSchema, request)).toEqual([]);
  });
});

describe("normalisation", () => {
  it("trims text, contact, date and id fields", () => {
    const data = parseRequest({
      partner_customer_id: `  ${PARTNER_ID}\t`,
      "business_details.business_name_english": "  Gemini Trading Limited \n",
      "business_details.website": " https://www.example.com ",
      "business_details.business_identifier_number": " 91310000MA1FL4TQ2X ",
      "business_details.business_name": " 双子贸易有限公司 ",
      "registration_address.registration_address_line1": " 1 Market Street ",
      "registration_address.registration_address_postcode": " 94105 ",
      "account_usage.goods_service_description": " Wholesale ",
      "account_usage.industry_category_code": " 5732 ",
      "primary_contact.contact_phone": " +14155552671 ",
      "primary_contact.contact_email": " service@gemini.com ",
      [person("basic_info", "first_name_english")]: " Wei ",
      [person("basic_info", "birth_date")]: " 1985-11-07 ",
      [person("residential_address", "residential_address_country_code")]: " CN ",
      [person("identification", "id_number")]: " E12345678 ",
      [person("identification", "id_document_front_file_id")]: ` ${VALID_FILE_ID} `,
    });
    expect(data.partner_customer_id).toBe(PARTNER_ID);
    expect(data.business_details).toMatchObject({
      business_name_english: "Gemini Trading Limited",
      website: "https://www.example.com",
      business_identifier_number: "91310000MA1FL4TQ2X",
      business_name: "双子贸易有限公司",
    });
    expect(data.registration_address).toMatchObject({
      registration_address_line1: "1 Market Street",
      registration_address_postcode: "94105",
    });
    expect(data.account_usage).toMatchObject({
      goods_service_description: "Wholesale",
      industry_category_code: "5732",
    });
    expect(data.primary_contact).toEqual({ contact_phone: "+14155552671", contact_email: "service@gemini.com" });
    const [first] = data.business_person_list;
    expect(first.basic_info).toMatchObject({ first_name_english: "Wei", birth_date: "1985-11-07T00:00:00Z" });
    expect(first.residential_address?.residential_address_country_code).toBe("CN");
    expect(first.identification).toMatchObject({ id_number: "E12345678", id_document_front_file_id: VALID_FILE_ID });
  });

  it.each([
    ["2023-11-07", "2023-11-07T00:00:00Z"],
    ["2023-11-07T05:31:56Z", "2023-11-07T05:31:56Z"],
    ["2023-11-07T07:31:56.789+02:00", "2023-11-07T05:31:56Z"],
    ["2023-11-07T05:31:56.999999999Z", "2023-11-07T05:31:56Z"],
    ["2023-11-06T22:00:00-08:00", "2023-11-07T06:00:00Z"],
    ["2023-11-07T05:31Z", "2023-11-07T05:31:00Z"],
    ["2024-02-29", "2024-02-29T00:00:00Z"],
  ])("normalises the date %s to %s in UTC, to the second", (input, expected) => {
    const data = parseRequest({
      "business_details.business_identifier_start_date": input,
      "business_details.business_identifier_expiry_date": "2099-01-01",
      [person("basic_info", "birth_date")]: input,
      [person("identification", "id_issue_date")]: input,
    });
    expect(data.business_details.business_identifier_start_date).toBe(expected);
    expect(data.business_person_list[0].basic_info.birth_date).toBe(expected);
    expect(data.business_person_list[0].identification.id_issue_date).toBe(expected);
  });

  const optionalFields = [
    "business_details.website",
    "business_details.business_name",
    "business_details.business_identifier_start_date",
    "business_details.business_identifier_expiry_date",
    "registration_address.registration_address_state",
    "registration_address.registration_address_postcode",
    "account_usage.goods_service_description",
    "account_usage.industry_category_code",
    "primary_contact.contact_phone",
    person("basic_info", "first_name"),
    person("basic_info", "last_name"),
    person("residential_address", "residential_address_line1"),
    person("residential_address", "residential_address_city"),
    person("residential_address", "residential_address_postcode"),
    person("residential_address", "residential_address_country_code"),
    person("residential_address", "residential_address_state"),
    person("identification", "id_expiration_date"),
    person("identification", "id_issue_date"),
    person("identification", "id_document_front_file_id"),
    person("identification", "id_document_back_file_id"),
  ];

  /** Reads a dotted path of the parsed output. */
  function valueAt(data: unknown, path: string): unknown {
    return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], data);
  }

  it.each(optionalFields)("treats an empty or blank %s as not given", (path) => {
    expect(valueAt(parseRequest({ [path]: "" }), path)).toBeUndefined();
    expect(valueAt(parseRequest({ [path]: "   " }), path)).toBeUndefined();
  });

  it.each(optionalFields)("accepts %s absent", (path) => {
    expect(valueAt(parseRequest({ [path]: ABSENT }), path)).toBeUndefined();
  });

  it.each(optionalFields.filter((path) => !path.endsWith("_date")))("keeps a null %s as null", (path) => {
    expect(valueAt(parseRequest({ [path]: null }), path)).toBeNull();
  });

  it.each(optionalFields.filter((path) => path.endsWith("_date")))("turns a null date %s into undefined", (path) => {
    expect(valueAt(parseRequest({ [path]: null }), path)).toBeUndefined();
  });

  it("accepts the residential address and the document list as null or absent", () => {
    const data = parseRequest({
      "business_person_list.0.residential_address": null,
      "business_details.business_identifier_document_list": null,
    });
    expect(data.business_person_list[0].residential_address).toBeNull();
    expect(data.business_details.business_identifier_document_list).toBeNull();
    expectValid({
      "business_person_list.0.residential_address": ABSENT,
      "business_details.business_identifier_document_list": ABSENT,
    });
  });
});

describe("partner_customer_id", () => {
  it.each([
    ["20 characters", "a".repeat(20)],
    ["64 characters", "a".repeat(64)],
    ["every visible ASCII character", "!\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~"],
  ])("accepts %s", (_name, id) => {
    expectValid({ partner_customer_id: id });
  });

  it.each([
    ["19 characters", "a".repeat(19), "too_short"],
    ["19 characters padded with spaces", ` ${"a".repeat(19)} `, "too_short"],
    ["65 characters", "a".repeat(65), "too_long"],
    ["a space inside", "acme customer 0000000001", "invalid_format"],
    ["a tab inside", "acme-customer\t0000000001", "invalid_format"],
    ["a non-ASCII letter", "acme-customer-000000000é", "invalid_format"],
  ])("rejects %s", (_name, id, code) => {
    expectFieldError("partner_customer_id", id, code);
  });

  it("is required", () => {
    expectFieldError("partner_customer_id", ABSENT, "required");
    expectFieldError("partner_customer_id", null, "required");
  });
});

describe("required fields", () => {
  const requiredFields = [
    "business_details.business_name_english",
    "business_details.business_identifier_number",
    "business_details.business_identifier_country_code",
    "registration_address.registration_address_line1",
    "registration_address.registration_address_city",
    "registration_address.registration_address_country_code",
    "account_usage.operating_country",
    "account_usage.estimated_monthly_revenue_currency",
    "account_usage.estimated_monthly_revenue_amount",
    "primary_contact.contact_email",
    person("basic_info", "first_name_english"),
    person("basic_info", "last_name_english"),
    person("basic_info", "birth_date"),
    person("basic_info", "nationality"),
    person("identification", "id_number"),
    person("identification", "id_issuing_country_code"),
  ];

  it.each(requiredFields)("reports %s missing as required", (path) => {
    expectFieldError(path, ABSENT, "required");
  });

  it.each(requiredFields)("reports %s null as required", (path) => {
    expectFieldError(path, null, "required");
  });

  it.each([
    "business_details.business_identifier_number",
    "registration_address.registration_address_line1",
    "registration_address.registration_address_city",
    person("identification", "id_number"),
  ])("reports a blank %s as required", (path) => {
    expectFieldError(path, "", "required");
    expectFieldError(path, " \t\n ", "required");
  });

  it("requires at least one business person", () => {
    expectFieldError("business_person_list", [], "too_short");
    expectFieldError("business_person_list", ABSENT, "required");
  });

  it("reports a missing person section at its path", () => {
    expectFieldError("business_person_list.0.basic_info", ABSENT, "required");
  });
});

describe("country codes", () => {
  const countryFields = [
    "business_details.business_identifier_country_code",
    "registration_address.registration_address_country_code",
    "account_usage.operating_country",
    person("basic_info", "nationality"),
    person("identification", "id_issuing_country_code"),
    person("residential_address", "residential_address_country_code"),
  ];

  it.each(countryFields)("accepts US, CN and GB in %s", (path) => {
    for (const code of ["US", "CN", "GB"]) expectValid({ [path]: code });
  });

  it.each(countryFields.flatMap((path) => ["us", "ZZ", "USA", "UK", "840", "U"].map((code) => [path, code])))(
    "rejects %s = %s",
    (path, code) => {
      expectFieldError(path, code, "invalid_country_code");
    },
  );
});

describe("currency", () => {
  const path = "account_usage.estimated_monthly_revenue_currency";

  it.each(["USD", "EUR", "JPY", "CNY"])("accepts %s", (code) => {
    expectValid({ [path]: code });
  });

  it.each(["usd", "ABC", "XTS", "XXX", "US", "USDD"])("rejects %s", (code) => {
    expectFieldError(path, code, "invalid_currency_code");
  });
});

describe("primary contact", () => {
  const emailPath = "primary_contact.contact_email";
  const phonePath = "primary_contact.contact_phone";

  it.each(["service@gemini.com", "first.last+tag@sub.example.co.uk", `${"a".repeat(242)}@example.com`])(
    "accepts the email %s",
    (value) => {
      expectValid({ [emailPath]: value });
    },
  );

  it.each(["not-an-email", "a@b", "name@@example.com", "name@example", "name @example.com", "@example.com"])(
    "rejects the email %s",
    (value) => {
      expectFieldError(emailPath, value, "invalid_email");
    },
  );

  it("caps the email at 254 characters", () => {
    expectFieldError(emailPath, `${"a".repeat(243)}@example.com`, "too_long");
  });

  it.each(["+8613800138000", "+14155552671", "+442079460958"])("accepts the phone %s", (value) => {
    expectValid({ [phonePath]: value });
  });

  it.each([
    ["+65 6222 3344", "+6562223344"],
    ["+65-6222-3344", "+6562223344"],
    ["+1 (415) 555-0100", "+14155550100"],
    ["+44 20.7946.0958", "+442079460958"],
    [" +86 138 0013 8000 ", "+8613800138000"],
    ["+65 (0) 6222 3344", "+6562223344"],
    ["+44 (0)20 7946 0018", "+442079460018"],
    ["+39 (0)6 6988 1234", "+390669881234"],
  ])("accepts the phone %s as people write it, as E.164", (value, e164) => {
    const result = primaryContactSchema.safeParse({ contact_email: "a@example.com", contact_phone: value });
    expect(result.success && result.data.contact_phone).toBe(e164);
  });

  it.each([
    ["62223344", "Enter the number with its country code, like +65 6222 3344."],
    ["(415) 555-0100", "Enter the number with its country code, like +65 6222 3344."],
    ["+65 6222 334", "This is not a valid Singapore number."],
    ["+1 415 555 01", "This is not a valid number for country code +1."],
    ["+65 6222 3344 ext 5", "Use only digits after the +, with spaces, dashes, dots or parentheses between them."],
  ])("refuses the phone %s saying what is wrong", (value, message) => {
    const result = primaryContactSchema.safeParse({ contact_email: "a@example.com", contact_phone: value });
    const errors = result.success ? [] : fieldErrorsFromZod(result.error);
    expect(errors.map((error) => ({ ...error, message: englishOf(error) }))).toEqual([
      { field: "contact_phone", code: "invalid_phone", message },
    ]);
  });

  it.each(["+1234", "8613800138000", "+999999999999", "+0123456789", "phone", "+1 415 555 2671 2"])(
    "rejects the phone %s",
    (value) => {
      expectFieldError(phonePath, value, "invalid_phone");
    },
  );

  it("caps the phone at 32 characters", () => {
    expectFieldError(phonePath, `+1 415 555 2671${" ".repeat(20)}1`, "too_long");
  });
});

describe("completing a national phone number with the country chosen beside it", () => {
  it.each([
    ["(415) 555-0100", "US", "1", "+1 415 555 0100"],
    ["6222 3344", "SG", "65", "+65 6222 3344"],
    ["020 7946 0958", "GB", "44", "+44 20 7946 0958"],
    ["+65 6222 3344", "US", "1", "+65 6222 3344"],
    ["6222 334", "SG", "65", "+65 6222 334"],
    ["", "SG", "65", ""],
  ])("%s in %s is %s", (typed, country, callingCode, completed) => {
    expect(completePhoneNumber(typed, country, callingCode)).toBe(completed);
  });

  it("gives a number the schema accepts, or one it names the country of", () => {
    expect(checkPhoneNumber(completePhoneNumber("(415) 555-0100", "US", "1"))).toEqual({
      ok: true,
      e164: "+14155550100",
    });
    expect(checkPhoneNumber(completePhoneNumber("6222 334", "SG", "65"))).toEqual({
      ok: false,
      message: { key: "phoneInvalidForCountry", values: { country: "SG" } },
    });
  });
});

describe("website", () => {
  const path = "business_details.website";

  it.each([
    "https://www.example.com",
    "http://example.com",
    "https://example.com/path?q=1#top",
    "https://sub.example.co.uk",
  ])("accepts %s", (url) => {
    expectValid({ [path]: url });
  });

  it.each([
    "ftp://x.com",
    "javascript:alert(1)",
    "example.com",
    "www.example.com",
    "https://localhost",
    "https://",
    "mailto:a@b.com",
  ])("rejects %s", (url) => {
    expectFieldError(path, url, "invalid_url");
  });
});

describe("estimated monthly revenue amount", () => {
  const path = "account_usage.estimated_monthly_revenue_amount";

  it.each([0, 0.5, 99.99, 100, 1_000_000_000_000])("accepts %s", (value) => {
    expectValid({ [path]: value });
  });

  it.each([-1, -0.01, 1.234, 0.1 + 0.2, 1e-7, 1_000_000_000_000.01, 1e13])("rejects %s as invalid_amount", (value) => {
    expectFieldError(path, value, "invalid_amount");
  });

  it.each([["99.99"], [NaN], [Infinity], [true]])("rejects the non-number %s at its path", (value) => {
    expect(requestErrors({ [path]: value }).map((error) => error.field)).toEqual([path]);
  });
});

describe("dates", () => {
  const invalidDates = [
    "2023-13-01",
    "2023-02-30",
    "2023-02-29",
    "07/11/2023",
    "2023-11-07T05:31:56",
    "2023-11-07 05:31:56Z",
    "2023-11-07T24:00:00Z",
    "2023-11-07T05:60:00Z",
    "2023-11-07T05:31:56+25:00",
    "20231107",
    "yesterday",
  ];
  const dateFields = [
    person("basic_info", "birth_date"),
    "business_details.business_identifier_start_date",
    "business_details.business_identifier_expiry_date",
    person("identification", "id_issue_date"),
    person("identification", "id_expiration_date"),
  ];

  it.each(dateFields.flatMap((path) => invalidDates.map((value) => [path, value])))(
    "rejects %s = %s",
    (path, value) => {
      expectFieldError(path, value, "invalid_date");
    },
  );

  describe("birth_date", () => {
    const path = person("basic_info", "birth_date");

    it.each(["1900-01-01", "1985-11-07", "2000-02-29T12:00:00+14:00"])("accepts %s", (value) => {
      expectValid({ [path]: value });
    });

    it.each([
      ["before 1900", "1899-12-31"],
      ["before 1900 by its UTC time", "1900-01-01T00:30:00+01:00"],
      ["next year", `${nextYear}-01-01`],
      ["a minute from now", new Date(Date.now() + 60_000).toISOString()],
    ])("rejects a birth date %s", (_name, value) => {
      expectFieldError(path, value, "date_not_past");
    });
  });

  describe("business identifier start and expiry", () => {
    const start = "business_details.business_identifier_start_date";
    const expiry = "business_details.business_identifier_expiry_date";

    it("accepts start before or equal to expiry, or either alone", () => {
      expectValid({ [start]: "2020-01-01", [expiry]: "2030-01-01" });
      expectValid({ [start]: "2030-01-01", [expiry]: "2030-01-01T00:00:00+00:00" });
      expectValid({ [start]: ABSENT, [expiry]: "2000-01-01" });
      expectValid({ [start]: "2040-01-01", [expiry]: "" });
    });

    it("compares the normalised UTC instants, not the strings", () => {
      expectValid({ [start]: "2030-01-01T01:00:00+02:00", [expiry]: "2029-12-31T23:30:00Z" });
      expectError({ [start]: "2029-12-31T23:30:00Z", [expiry]: "2030-01-01T01:00:00+02:00" }, expiry, "date_order");
    });

    it("flags the expiry date when the start is after it", () => {
      expectError({ [start]: "2030-01-02", [expiry]: "2030-01-01" }, expiry, "date_order");
    });

    it("reports the order even when another field of the section fails", () => {
      const errors = requestErrors({
        "business_details.business_name_english": "张伟",
        "business_details.website": "ftp://x.com",
        [start]: "2030-01-02",
        [expiry]: "2030-01-01",
      });
      expect(errors).toEqual([
        { field: "business_details.business_name_english", code: "invalid_script" },
        { field: "business_details.website", code: "invalid_url" },
        { field: expiry, code: "date_order" },
      ]);
    });

    it("does not compare when one of the dates is invalid", () => {
      expectError({ [start]: "2040-13-01", [expiry]: "2030-01-01" }, start, "invalid_date");
      expectError({ [start]: "2040-01-01", [expiry]: "2030-02-30" }, expiry, "invalid_date");
    });
  });

  describe("identification issue and expiration", () => {
    const issue = person("identification", "id_issue_date");
    const expiration = person("identification", "id_expiration_date");

    it("accepts issue before or equal to expiration, or either alone", () => {
      expectValid({ [issue]: "2020-01-01", [expiration]: "2030-01-01" });
      expectValid({ [issue]: "2030-01-01", [expiration]: "2030-01-01" });
      expectValid({ [issue]: null, [expiration]: "2001-01-01" });
      expectValid({ [issue]: "2040-01-01", [expiration]: ABSENT });
    });

    it("flags the expiration date when the issue date is after it", () => {
      expectError({ [issue]: "2031-01-01", [expiration]: "2030-11-07T05:31:56Z" }, expiration, "date_order");
    });

    it("reports the order even when another field of the section fails", () => {
      const errors = requestErrors({
        [person("identification", "id_number")]: " ",
        [person("identification", "id_issuing_country_code")]: "ZZ",
        [issue]: "2031-01-01",
        [expiration]: "2030-01-01",
      });
      expect(errors).toEqual([
        { field: person("identification", "id_number"), code: "required" },
        { field: person("identification", "id_issuing_country_code"), code: "invalid_country_code" },
        { field: expiration, code: "date_order" },
      ]);
    });

    it("checks each person separately", () => {
      const second = structuredClone(validRequest().business_person_list[0]);
      second.identification.id_issue_date = "2031-01-01T00:00:00Z";
      const errors = requestErrors({ business_person_list: [validRequest().business_person_list[0], second] });
      expect(errors).toEqual([
        { field: "business_person_list.1.identification.id_expiration_date", code: "date_order" },
      ]);
    });
  });
});

describe("length caps", () => {
  const capped: [string, number][] = [
    ["business_details.business_name_english", 255],
    ["business_details.business_name", 255],
    ["business_details.business_identifier_number", 64],
    ["registration_address.registration_address_line1", 255],
    ["registration_address.registration_address_city", 255],
    ["registration_address.registration_address_state", 255],
    ["registration_address.registration_address_postcode", 32],
    ["account_usage.goods_service_description", 1000],
    [person("basic_info", "first_name_english"), 255],
    [person("basic_info", "last_name_english"), 255],
    [person("basic_info", "first_name"), 255],
    [person("basic_info", "last_name"), 255],
    [person("residential_address", "residential_address_line1"), 255],
    [person("residential_address", "residential_address_city"), 255],
    [person("residential_address", "residential_address_state"), 255],
    [person("residential_address", "residential_address_postcode"), 32],
    [person("identification", "id_number"), 64],
  ];

  it.each(capped)("accepts %s at %i characters, counted after trimming", (path, max) => {
    expectValid({ [path]: "a".repeat(max) });
    expectValid({ [path]: `  ${"a".repeat(max)}  ` });
  });

  it.each(capped)("rejects %s over %i characters", (path, max) => {
    expectFieldError(path, "a".repeat(max + 1), "too_long");
  });
});

describe("Latin script", () => {
  const englishFields = [
    "business_details.business_name_english",
    person("basic_info", "first_name_english"),
    person("basic_info", "last_name_english"),
  ];
  const localFields = [
    "business_details.business_name",
    person("basic_info", "first_name"),
    person("basic_info", "last_name"),
  ];

  it.each(
    englishFields.flatMap((path) =>
      ["José Müller-O'Brien & Co.", "Jose\u0301", "Ørsted A/S", "3M Co."].map((v) => [path, v]),
    ),
  )("accepts %s = %s", (path, value) => {
    expectValid({ [path]: value });
  });

  it.each(englishFields.flatMap((path) => ["张伟", "Иван", "Wei 张", "محمد", "123", "&-."].map((v) => [path, v])))(
    "rejects %s = %s",
    (path, value) => {
      expectFieldError(path, value, "invalid_script");
    },
  );

  it.each(localFields.flatMap((path) => ["张伟", "Иван", "محمد", "José"].map((v) => [path, v])))(
    "accepts any script in %s = %s",
    (path, value) => {
      expectValid({ [path]: value });
    },
  );
});

describe("unknown fields", () => {
  it.each([
    ["nickname", "nickname"],
    ["business_details.extra", "business_details.extra"],
    ["registration_address.country", "registration_address.country"],
    ["business_person_list.0.basic_info.nickname", "business_person_list.0.basic_info.nickname"],
    ["business_person_list.0.residential_address.extra", "business_person_list.0.residential_address.extra"],
    ["business_person_list.0.identification.ssn", "business_person_list.0.identification.ssn"],
    ["business_person_list.0.role", "business_person_list.0.role"],
  ])("reports %s with its full path", (path, field) => {
    expectError({ [path]: "x" }, field, "unknown_field");
  });

  it("reports every unknown key of an object", () => {
    expect(requestErrors({ "primary_contact.fax": "1", "primary_contact.mobile": "2" })).toEqual([
      { field: "primary_contact.fax", code: "unknown_field" },
      { field: "primary_contact.mobile", code: "unknown_field" },
    ]);
  });
});

describe("file ids", () => {
  const list = "business_details.business_identifier_document_list";

  const invalidFileIds = [
    "file_0123456789abcdef0123456789abcde",
    "file_0123456789abcdef0123456789abcdef0",
    "file_0123456789ABCDEF0123456789ABCDEF",
    "file_0123456789abcdef0123456789abcdeg",
    "FILE_0123456789abcdef0123456789abcdef",
    "0123456789abcdef0123456789abcdef",
    "file-0123456789abcdef0123456789abcdef",
  ];

  it("accepts up to 20 distinct file ids", () => {
    expectValid({ [list]: [VALID_FILE_ID] });
    const ids = Array.from({ length: MAX_DOCUMENTS }, (_, i) => `file_${i.toString(16).padStart(32, "0")}`);
    expectValid({ [list]: ids });
  });

  it.each(invalidFileIds)("rejects the document id %s", (id) => {
    expectError({ [list]: [VALID_FILE_ID, id] }, `${list}.1`, "invalid_file_id");
  });

  it("rejects a file listed twice", () => {
    expectError({ [list]: [VALID_FILE_ID, "file_ffffffffffffffffffffffffffffffff", VALID_FILE_ID] }, list, "duplicate");
  });

  it("rejects more than 20 documents", () => {
    const ids = Array.from({ length: MAX_DOCUMENTS + 1 }, (_, i) => `file_${i.toString(16).padStart(32, "0")}`);
    expectError({ [list]: ids }, list, "too_long");
  });

  const personFileFields = ["id_document_front_file_id", "id_document_back_file_id"];
  const notLongerThanFileId = invalidFileIds.filter((id) => id.length <= VALID_FILE_ID.length);

  it.each(personFileFields)("accepts a valid %s", (field) => {
    expectValid({ [person("identification", field)]: VALID_FILE_ID });
  });

  it.each(personFileFields.flatMap((field) => notLongerThanFileId.map((id) => [field, id])))(
    "rejects %s = %s",
    (field, id) => {
      expectFieldError(person("identification", field), id, "invalid_file_id");
    },
  );

  it.each(personFileFields)("rejects a %s longer than a file id as too long", (field) => {
    expectFieldError(person("identification", field), `${VALID_FILE_ID}0`, "too_long");
  });
});

describe("industry category", () => {
  const path = "account_usage.industry_category_code";

  it.each(INDUSTRY_CATEGORIES.map((category) => category.code))("accepts the listed code %s", (code) => {
    expectValid({ [path]: code });
  });

  it.each(["0000", "573", "57320", "abcd", "5733"])("rejects %s", (code) => {
    expectFieldError(path, code, "invalid_category");
  });
});

describe("control characters", () => {
  it.each([
    ["business_details.business_name_english", "Gemini\u0000Trading"],
    ["business_details.business_name", "双子\u0007贸易"],
    ["business_details.business_identifier_number", "9131\u001b0000"],
    ["registration_address.registration_address_line1", "1 Market\nStreet"],
    ["account_usage.goods_service_description", "Wholesale\u007f"],
    [person("basic_info", "first_name_english"), "Wei\tMing"],
    [person("basic_info", "last_name"), "张\u0085"],
    [person("identification", "id_number"), "E1234\r5678"],
  ])("rejects %s containing a control character", (path, value) => {
    expectFieldError(path, value, "invalid_format");
  });

  it("accepts surrounding whitespace control characters, which trimming removes", () => {
    const data = parseRequest({ "business_details.business_name_english": "\t\nGemini Trading Limited\r\n" });
    expect(data.business_details.business_name_english).toBe("Gemini Trading Limited");
  });
});

describe("business person list", () => {
  const onePerson = () => validRequest().business_person_list[0];

  it("accepts up to 20 persons", () => {
    expectValid({ business_person_list: Array.from({ length: MAX_BUSINESS_PERSONS }, onePerson) });
  });

  it("rejects more than 20 persons", () => {
    expectFieldError("business_person_list", Array.from({ length: MAX_BUSINESS_PERSONS + 1 }, onePerson), "too_long");
  });

  it("reports a later person's errors at that person's index", () => {
    const second = onePerson();
    second.basic_info.birth_date = "1800-01-01";
    expectError(
      { business_person_list: [onePerson(), second] },
      "business_person_list.1.basic_info.birth_date",
      "date_not_past",
    );
  });
});

describe("every error at once", () => {
  it("reports all failing fields of a request together", () => {
    const expected: FieldIssue[] = [
      { field: "partner_customer_id", code: "too_short" },
      { field: "business_details.business_name_english", code: "invalid_script" },
      { field: "business_details.website", code: "invalid_url" },
      { field: "business_details.business_identifier_country_code", code: "invalid_country_code" },
      { field: "business_details.business_identifier_expiry_date", code: "date_order" },
      { field: "registration_address.registration_address_line1", code: "required" },
      { field: "account_usage.operating_country", code: "invalid_country_code" },
      { field: "account_usage.industry_category_code", code: "invalid_category" },
      { field: "account_usage.estimated_monthly_revenue_currency", code: "invalid_currency_code" },
      { field: "account_usage.estimated_monthly_revenue_amount", code: "invalid_amount" },
      { field: "primary_contact.contact_phone", code: "invalid_phone" },
      { field: "primary_contact.contact_email", code: "invalid_email" },
      { field: "business_person_list.0.basic_info.birth_date", code: "date_not_past" },
      { field: "business_person_list.0.basic_info.nickname", code: "unknown_field" },
      { field: "business_person_list.0.identification.id_expiration_date", code: "date_order" },
      { field: "extra", code: "unknown_field" },
    ];
    const errors = requestErrors({
      partner_customer_id: "short",
      extra: true,
      "business_details.business_name_english": "双子",
      "business_details.website": "example.com",
      "business_details.business_identifier_country_code": "usa",
      "business_details.business_identifier_start_date": "2034-01-01",
      "registration_address.registration_address_line1": ABSENT,
      "account_usage.operating_country": "ZZ",
      "account_usage.industry_category_code": "0000",
      "account_usage.estimated_monthly_revenue_currency": "usd",
      "account_usage.estimated_monthly_revenue_amount": -5,
      "primary_contact.contact_phone": "+1234",
      "primary_contact.contact_email": "nobody",
      [person("basic_info", "birth_date")]: `${nextYear}-06-01`,
      [person("basic_info", "nickname")]: "Wei",
      [person("identification", "id_issue_date")]: "2031-01-01",
    });
    expect(errors).toHaveLength(16);
    expect(errors).toEqual(expect.arrayContaining(expected));
  });
});

describe("section schemas", () => {
  it.each(Object.keys(SECTION_SCHEMAS) as (keyof typeof SECTION_SCHEMAS)[])(
    "%s parses its section of the example",
    (section) => {
      const schema: z.ZodType = SECTION_SCHEMAS[section];
      expect(errorsOf(schema, validRequest()[section])).toEqual([]);
    },
  );

  it("reports paths relative to the section", () => {
    const details: Record<string, unknown> = {
      ...validRequest().business_details,
      business_identifier_number: "  ",
      business_identifier_start_date: "2034-01-01",
      nickname: "x",
    };
    expect(errorsOf(businessDetailsSchema, details)).toEqual([
      { field: "business_identifier_number", code: "required" },
      { field: "nickname", code: "unknown_field" },
      { field: "business_identifier_expiry_date", code: "date_order" },
    ]);
  });

  it("validates one person's parts on their own", () => {
    const { basic_info, residential_address, identification } = validRequest().business_person_list[0];
    expect(errorsOf(basicInfoSchema, { ...basic_info, nationality: "cn" })).toEqual([
      { field: "nationality", code: "invalid_country_code" },
    ]);
    expect(
      errorsOf(residentialAddressSchema, { ...residential_address, residential_address_country_code: "" }),
    ).toEqual([]);
    expect(errorsOf(residentialAddressSchema, {})).toEqual([]);
    expect(errorsOf(identificationSchema, { ...identification, id_issue_date: "2031-01-01" })).toEqual([
      { field: "id_expiration_date", code: "date_order" },
    ]);
  });

  it("reports list paths from the person index", () => {
    const [first] = validRequest().business_person_list;
    const errors = errorsOf(SECTION_SCHEMAS.business_person_list, [first, { ...first, extra: 1 }]);
    expect(errors).toEqual([{ field: "1.extra", code: "unknown_field" }]);
  });

  it("checks the primary contact on its own", () => {
    expect(errorsOf(primaryContactSchema, { contact_email: "a@example.com" })).toEqual([]);
    expect(errorsOf(primaryContactSchema, { contact_email: "a@example.com", contact_phone: "" })).toEqual([]);
    expect(errorsOf(primaryContactSchema, {})).toEqual([{ field: "contact_email", code: "required" }]);
  });
});

describe("missing sections and wrong types", () => {
  it.each(["business_details", "registration_address", "account_usage", "primary_contact", "business_person_list"])(
    "reports a missing %s as required, without throwing",
    (section) => {
      expectError({ [section]: ABSENT }, section, "required");
      expectError({ [section]: null }, section, "required");
    },
  );

  it("reports a person without identification as required", () => {
    expectError(
      { "business_person_list.0.identification": ABSENT },
      "business_person_list.0.identification",
      "required",
    );
  });

  it("reports an empty object at every required field of its sections at once", () => {
    const errors = errorsOf(createCustomerRequestSchema, {});
    expect(errors.map((error) => error.code)).toEqual(Array(6).fill("required"));
  });

  it.each([
    ["account_usage.estimated_monthly_revenue_amount", "99.99"],
    [person("basic_info", "first_name_english"), 5],
    [person("basic_info", "nationality"), 1],
    ["business_details", "x"],
    ["business_person_list", {}],
  ])("reports %s of the wrong type as invalid_type", (path, value) => {
    expectFieldError(path, value, "invalid_type");
  });
});

describe("one error per blank required value", () => {
  it.each([
    [person("basic_info", "first_name_english"), "   "],
    ["business_details.business_name_english", ""],
    ["primary_contact.contact_email", "  "],
    ["business_details.business_identifier_country_code", " "],
    ["account_usage.estimated_monthly_revenue_currency", ""],
    [person("basic_info", "birth_date"), ""],
  ])("reports a blank %s as required only", (path, value) => {
    expectFieldError(path, value, "required");
  });

  it("trims codes before checking them", () => {
    const parsed = parseRequest({
      "business_details.business_identifier_country_code": " US ",
      "account_usage.estimated_monthly_revenue_currency": " USD",
    });
    expect(parsed.business_details.business_identifier_country_code).toBe("US");
    expect(parsed.account_usage.estimated_monthly_revenue_currency).toBe("USD");
  });
});

describe("values that are codes or formats but not what a business uses", () => {
  it.each(["XAU", "XDR", "BOV", "USN", "CHE"])("refuses the non-money ISO 4217 code %s", (code) => {
    expectFieldError("account_usage.estimated_monthly_revenue_currency", code, "invalid_currency_code");
  });

  it.each(["XOF", "XAF", "XCD", "XPF"])("accepts the real currency %s", (code) => {
    expectValid({ "account_usage.estimated_monthly_revenue_currency": code });
  });

  it("refuses a web address with a space in it", () => {
    expectFieldError("business_details.website", "https://example.com/ path", "invalid_url");
  });

  it("refuses a date that an offset carries past year 9999", () => {
    expectFieldError("business_details.business_identifier_expiry_date", "9999-12-31T23:00:00-02:00", "invalid_date");
  });
});
