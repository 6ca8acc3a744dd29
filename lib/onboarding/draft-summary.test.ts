import { describe, expect, it } from "vitest";
import { exampleWizardSteps } from "@/tests/fixtures/customer-request";
import { draftSummary } from "./draft-summary";
import { FORM_STEPS } from "./wizard-steps";

const steps = exampleWizardSteps("summary-test-customer-0001");
const data: Record<string, unknown> = Object.assign({}, ...Object.values(steps));
const name = (code: string) => `country ${code}`;

describe("draftSummary", () => {
  it("summarises only the completed steps, in the wizard's order", () => {
    const items = draftSummary(data, ["company"], name);
    expect(items.map((item) => item.step)).toEqual(["company", "company"]);
    const business = data.business_details as { business_name_english: string };
    expect(items[0]).toEqual({ step: "company", key: "company", value: business.business_name_english });
  });

  it("holds no ID number, birth date or address line of anyone", () => {
    const shown = JSON.stringify(draftSummary(data, FORM_STEPS, name));
    const people = data.business_person_list as {
      basic_info: { birth_date: string };
      identification: { id_number: string };
    }[];
    for (const person of people) {
      expect(shown).not.toContain(person.identification.id_number);
      expect(shown).not.toContain(person.basic_info.birth_date);
    }
    const address = data.registration_address as { registration_address_line1: string };
    expect(shown).not.toContain(address.registration_address_line1);
    const business = data.business_details as { business_identifier_number: string };
    expect(shown).not.toContain(business.business_identifier_number);
  });

  it("names countries with the list it is given and counts the representatives", () => {
    const items = draftSummary(data, FORM_STEPS, name);
    const business = data.business_details as { business_identifier_country_code: string };
    expect(items).toContainEqual({
      step: "company",
      key: "registeredIn",
      value: `country ${business.business_identifier_country_code}`,
    });
    const count = (data.business_person_list as unknown[]).length;
    expect(items).toContainEqual({ step: "representatives", key: "representatives", count });
  });

  it("skips blank values and an empty draft", () => {
    expect(draftSummary({}, FORM_STEPS, name)).toEqual([]);
    expect(draftSummary({ primary_contact: { contact_email: "  " } }, ["contact"], name)).toEqual([]);
  });
});
