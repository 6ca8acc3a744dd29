import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod, type FieldError } from "@/lib/errors";
import { createCustomerRequestSchema } from "@/lib/customers/schema";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import {
  FORM_STEPS,
  STEP_SCHEMAS,
  WIZARD_STEPS,
  isWizardStep,
  resumeStep,
  stepAfter,
  stepBefore,
  stepOfField,
  stepPosition,
  type FormStep,
  type WizardStep,
} from "./steps";

const PARTNER_CUSTOMER_ID = "acme-customer-0000000001";

/** The part of a Create Customer request that each step edits. */
function stepValues(step: FormStep) {
  const request = structuredClone(exampleCustomerRequest(PARTNER_CUSTOMER_ID));
  switch (step) {
    case "company":
      return { partner_customer_id: request.partner_customer_id, business_details: request.business_details };
    case "address":
      return { registration_address: request.registration_address };
    case "usage":
      return { account_usage: request.account_usage };
    case "contact":
      return { primary_contact: request.primary_contact };
    case "representatives":
      return { business_person_list: request.business_person_list };
  }
}

/** What each step's HTML form sends when only the required fields are filled in. */
const FORM_VALUES: Record<FormStep, Record<string, unknown>> = {
  company: {
    partner_customer_id: PARTNER_CUSTOMER_ID,
    business_details: {
      business_name_english: "Gemini Trading Limited",
      website: "",
      business_identifier_number: "91310000MA1FL4TQ2X",
      business_identifier_country_code: "US",
      business_identifier_document_list: [],
      business_name: "",
      business_identifier_start_date: "",
      business_identifier_expiry_date: "",
    },
  },
  address: {
    registration_address: {
      registration_address_line1: "1 Market Street",
      registration_address_city: "San Francisco",
      registration_address_state: "",
      registration_address_postcode: "",
      registration_address_country_code: "US",
    },
  },
  usage: {
    account_usage: {
      operating_country: "US",
      goods_service_description: "",
      industry_category_code: "",
      estimated_monthly_revenue_currency: "USD",
      estimated_monthly_revenue_amount: 1500,
    },
  },
  contact: { primary_contact: { contact_phone: "", contact_email: "service@gemini.com" } },
  representatives: {
    business_person_list: [
      {
        basic_info: {
          first_name_english: "Wei",
          last_name_english: "Zhang",
          birth_date: "1985-11-07",
          nationality: "CN",
          first_name: "",
          last_name: "",
        },
        residential_address: {
          residential_address_line1: "",
          residential_address_city: "",
          residential_address_postcode: "",
          residential_address_country_code: "",
          residential_address_state: "",
        },
        identification: {
          id_number: "E12345678",
          id_issuing_country_code: "CN",
          id_expiration_date: "",
          id_issue_date: "",
          id_document_front_file_id: "",
          id_document_back_file_id: "",
        },
      },
    ],
  },
};

function errorsOf(step: FormStep, values: unknown): FieldError[] {
  const result = STEP_SCHEMAS[step].safeParse(values);
  return result.success ? [] : fieldErrorsFromZod(result.error);
}

function parseStep(step: FormStep, values: unknown): Record<string, unknown> {
  const result = STEP_SCHEMAS[step].safeParse(values);
  if (!result.success) throw new Error(JSON.stringify(fieldErrorsFromZod(result.error)));
  return result.data as Record<string, unknown>;
}

describe("STEP_SCHEMAS", () => {
  it("has one schema for each form step of the wizard, in wizard order", () => {
    expect(Object.keys(STEP_SCHEMAS)).toEqual(["company", "address", "usage", "contact", "representatives"]);
    expect(FORM_STEPS).toEqual(Object.keys(STEP_SCHEMAS));
  });

  it.each(FORM_STEPS)("accepts the %s part of the published example, normalised as the API does", (step) => {
    const values = stepValues(step);
    const request = createCustomerRequestSchema.parse(exampleCustomerRequest(PARTNER_CUSTOMER_ID));
    const expected = Object.fromEntries(Object.keys(values).map((key) => [key, request[key as keyof typeof request]]));
    expect(parseStep(step, values)).toEqual(expected);
  });

  it.each(FORM_STEPS)("accepts what the %s form sends with optional fields left empty", (step) => {
    expect(errorsOf(step, FORM_VALUES[step])).toEqual([]);
  });

  it("reads empty optional strings as not given", () => {
    const company = parseStep("company", FORM_VALUES.company) as { business_details: Record<string, unknown> };
    expect(company.business_details.website).toBeUndefined();
    expect(company.business_details.business_name).toBeUndefined();
    expect(company.business_details.business_identifier_start_date).toBeUndefined();

    const people = parseStep("representatives", FORM_VALUES.representatives) as {
      business_person_list: { identification: Record<string, unknown>; residential_address: Record<string, unknown> }[];
    };
    expect(people.business_person_list[0].identification.id_document_front_file_id).toBeUndefined();
    expect(people.business_person_list[0].residential_address.residential_address_country_code).toBeUndefined();
  });

  it("accepts the YYYY-MM-DD a date input sends, as midnight UTC", () => {
    const values = structuredClone(FORM_VALUES.company) as { business_details: Record<string, unknown> };
    values.business_details.business_identifier_start_date = "2023-11-07";
    values.business_details.business_identifier_expiry_date = "2033-11-07";
    const company = parseStep("company", values) as { business_details: Record<string, unknown> };
    expect(company.business_details.business_identifier_start_date).toBe("2023-11-07T00:00:00Z");
    expect(company.business_details.business_identifier_expiry_date).toBe("2033-11-07T00:00:00Z");

    const people = parseStep("representatives", FORM_VALUES.representatives) as {
      business_person_list: { basic_info: Record<string, unknown> }[];
    };
    expect(people.business_person_list[0].basic_info.birth_date).toBe("1985-11-07T00:00:00Z");
  });

  it("refuses the NaN an empty number input sends, at the amount's full path", () => {
    const values = structuredClone(FORM_VALUES.usage) as { account_usage: Record<string, unknown> };
    values.account_usage.estimated_monthly_revenue_amount = Number.NaN;
    const errors = errorsOf("usage", values);
    expect(errors.map((error) => error.field)).toEqual(["account_usage.estimated_monthly_revenue_amount"]);
  });

  it("refuses required fields left empty, with each full path", () => {
    const values = structuredClone(FORM_VALUES.address) as { registration_address: Record<string, unknown> };
    values.registration_address.registration_address_city = "";
    values.registration_address.registration_address_country_code = "";
    expect(errorsOf("address", values).map(({ field, code }) => ({ field, code }))).toEqual([
      { field: "registration_address.registration_address_city", code: "required" },
      { field: "registration_address.registration_address_country_code", code: "required" },
    ]);
  });

  it("refuses an empty list of representatives", () => {
    expect(errorsOf("representatives", { business_person_list: [] }).map((error) => error.field)).toEqual([
      "business_person_list",
    ]);
  });

  it("reports an error deep in a representative at its full API path", () => {
    const values = structuredClone(FORM_VALUES.representatives) as {
      business_person_list: { identification: Record<string, unknown> }[];
    };
    values.business_person_list[0].identification.id_number = "   ";
    expect(errorsOf("representatives", values).map(({ field, code }) => ({ field, code }))).toEqual([
      { field: "business_person_list.0.identification.id_number", code: "required" },
    ]);
  });

  it.each(FORM_STEPS)("refuses an unknown field at the top of the %s step", (step) => {
    const errors = errorsOf(step, { ...stepValues(step), is_admin: true });
    expect(errors.map(({ field, code }) => ({ field, code }))).toEqual([{ field: "is_admin", code: "unknown_field" }]);
  });

  it("refuses another step's section, so a step cannot write fields it does not show", () => {
    const errors = errorsOf("contact", { ...stepValues("contact"), ...stepValues("address") });
    expect(errors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: "registration_address", code: "unknown_field" },
    ]);
  });

  it("refuses an unknown field inside a section, at its full path", () => {
    const values = stepValues("representatives") as {
      business_person_list: { identification: Record<string, unknown> }[];
    };
    values.business_person_list[0].identification.id_secret = "x";
    expect(errorsOf("representatives", values).map(({ field, code }) => ({ field, code }))).toEqual([
      { field: "business_person_list.0.identification.id_secret", code: "unknown_field" },
    ]);
  });

  it("together cover exactly the fields of the Create Customer request, each in one step", () => {
    const stepKeys = FORM_STEPS.flatMap((step) => Object.keys(STEP_SCHEMAS[step].shape));
    expect(new Set(stepKeys).size).toBe(stepKeys.length);
    expect([...stepKeys].sort()).toEqual(Object.keys(createCustomerRequestSchema.shape).sort());
  });

  it("validates each section with the request's own section schema", () => {
    const requestShape: Record<string, unknown> = createCustomerRequestSchema.shape;
    for (const step of FORM_STEPS) {
      for (const [key, schema] of Object.entries(STEP_SCHEMAS[step].shape)) {
        expect(schema, `${step}.${key}`).toBe(requestShape[key]);
      }
    }
  });

  it("gives, step by step, the same request the API parses", () => {
    const merged = Object.assign({}, ...FORM_STEPS.map((step) => parseStep(step, stepValues(step)))) as unknown;
    expect(merged).toEqual(createCustomerRequestSchema.parse(exampleCustomerRequest(PARTNER_CUSTOMER_ID)));
  });
});

describe("stepOfField", () => {
  it.each([
    ["partner_customer_id", "company"],
    ["business_details", "company"],
    ["business_details.website", "company"],
    ["business_details.business_identifier_document_list.2", "company"],
    ["registration_address.registration_address_country_code", "address"],
    ["account_usage.estimated_monthly_revenue_amount", "usage"],
    ["primary_contact.contact_email", "contact"],
    ["business_person_list", "representatives"],
    ["business_person_list.0.identification.id_number", "representatives"],
    ["business_person_list.3.basic_info.birth_date", "representatives"],
  ] as const)("maps %s to the %s step", (field, step) => {
    expect(stepOfField(field)).toBe(step);
  });

  it("sends a field it does not know to the first step", () => {
    expect(stepOfField("something_else.field")).toBe("company");
    expect(stepOfField("")).toBe("company");
  });

  it("maps every field of the request to the step whose schema holds it", () => {
    for (const step of FORM_STEPS) {
      for (const key of Object.keys(STEP_SCHEMAS[step].shape)) expect(stepOfField(`${key}.x`), key).toBe(step);
    }
  });
});

describe("step order", () => {
  const ORDER: WizardStep[] = ["company", "address", "usage", "contact", "representatives", "review"];

  it("lists the wizard's steps in order, ending with the review", () => {
    expect(WIZARD_STEPS.map((step) => step.slug)).toEqual(ORDER);
  });

  it("goes forward one step at a time and stays on the review", () => {
    expect(ORDER.map((step) => stepAfter(step))).toEqual([
      "address",
      "usage",
      "contact",
      "representatives",
      "review",
      "review",
    ]);
  });

  it("goes back one step at a time, with nothing before the first", () => {
    expect(ORDER.map((step) => stepBefore(step))).toEqual([
      null,
      "company",
      "address",
      "usage",
      "contact",
      "representatives",
    ]);
  });

  it("knows its steps and nothing else", () => {
    for (const step of ORDER) expect(isWizardStep(step)).toBe(true);
    expect(isWizardStep("submitted")).toBe(false);
    expect(isWizardStep("")).toBe(false);
    expect(isWizardStep("Company")).toBe(false);
  });
});

describe("counting the steps", () => {
  it("counts six steps everywhere, the review the sixth", () => {
    expect(stepPosition("company")).toEqual({ number: 1, of: 6 });
    expect(stepPosition("review")).toEqual({ number: 6, of: 6 });
  });

  it("resumes a draft at its first step not saved, else at the review", () => {
    expect(resumeStep([])).toBe("company");
    expect(resumeStep(["company", "usage"])).toBe("address");
    expect(resumeStep([...FORM_STEPS])).toBe("review");
  });
});
