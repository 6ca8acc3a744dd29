import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import { newAccount, type StaffActor } from "@/tests/helpers/accounts";
import { newPartner, newPartnerCustomerId } from "@/tests/helpers/partner-api";
import { createCustomer } from "./create-customer";
import { formValues, getCustomerToFix, updateCustomerStep } from "./customer-fixes";
import { listCustomersForActor } from "./customer-list";
import { storedCustomerInclude, toCustomerResource } from "./customer-resource";
import { maskIdNumber } from "./mask";
import { getCustomerForStaff } from "./customer-review";
import { fieldLabel, requestableFields } from "./fields";
import { fieldLabelsIn } from "@/lib/i18n/field-labels";
import { requestInformation } from "./requirements";

const API_KEY_ACTOR = { type: "api_key", id: "key_test", label: "API key pk_test" } as const;
const CITY = "registration_address.registration_address_city";
const WEBSITE = "business_details.website";

let partnerId: string;
let staff: StaffActor;
let otherStaff: StaffActor;
let reviewer: StaffActor;

beforeAll(async () => {
  partnerId = (await newPartner()).partnerId;
  staff = await newAccount("fixes", "partner_user", partnerId);
  otherStaff = await newAccount("fixes", "partner_admin", (await newPartner()).partnerId);
  reviewer = await newAccount("fixes", "reviewer");
});

async function newCustomer() {
  const request = exampleCustomerRequest(newPartnerCustomerId());
  const customer = await createCustomer(request, { partnerId, actor: API_KEY_ACTOR });
  return { customerId: customer.customer_id, request };
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the field labels", () => {
  const en = fieldLabelsIn("en");
  const zh = fieldLabelsIn("zh-CN");

  it("name every full path, a legal representative's by number, in each language", () => {
    expect(fieldLabel(WEBSITE, en)).toBe("Website");
    expect(fieldLabel("business_person_list.1.identification.id_document_back_file_id", en)).toBe(
      "Legal representative 2: ID document back",
    );
    expect(fieldLabel("business_details.business_identifier_document_list.0", en)).toBe("Registration document 1");
    expect(fieldLabel(WEBSITE, zh)).toBe("网站");
    expect(fieldLabel("business_person_list.1.identification.id_document_back_file_id", zh)).toBe(
      "法定代表人 2：证件背面",
    );
    expect(fieldLabel("business_details.unknown_field", en)).toBe("business_details.unknown_field");
  });

  it("offer the reviewer each field of the customer, per representative, but not the partner's reference", () => {
    const fields = requestableFields(2, en).map((option) => option.field);
    expect(fields).toContain("business_person_list.1.identification.id_number");
    expect(fields).not.toContain("business_person_list.2.identification.id_number");
    expect(fields).toContain("business_details.business_identifier_document_list");
    expect(fields).not.toContain("partner_customer_id");
    for (const labels of [en, zh]) {
      const options = requestableFields(2, labels);
      expect(new Set(options.map((option) => option.label)).size).toBe(fields.length);
      // Every path has a label of its own, not the path itself.
      expect(options.filter((option) => option.label.includes("_"))).toEqual([]);
    }
  });
});

describe("fixing a customer in the portal", () => {
  it("shows partner staff the steps with fields due, and the reviewer what changed since the request", async () => {
    const { customerId, request } = await newCustomer();
    await requestInformation(reviewer, {
      customerId,
      items: [
        { field: CITY, reason: "Not the registered city" },
        { field: WEBSITE, reason: "Does not load" },
      ],
      expectedVersion: 0,
    });
    const toFix = await getCustomerToFix(staff, customerId);
    expect(toFix.stepsDue).toEqual(["company", "address"]);
    const listed = await listCustomersForActor(staff, { q: customerId });
    expect(listed.rows.map((row) => [row.customerId, row.informationDue])).toEqual([[customerId, 2]]);
    // Masked as everywhere in the portal: any partner user opens this page, and nothing is revealed.
    const idNumber = request.business_person_list[0].identification.id_number;
    expect(toFix.customer.business_person_list[0].identification.id_number).toBe(maskIdNumber(idNumber));
    expect(JSON.stringify(toFix)).not.toContain(idNumber);

    const address = formValues(toFix.customer.registration_address) as Record<string, string>;
    await updateCustomerStep(
      staff,
      customerId,
      "address",
      { registration_address: { ...address, registration_address_city: "Oakland" } },
      toFix.version,
    );

    const seenByReviewer = await getCustomerForStaff(reviewer, customerId);
    expect(seenByReviewer.changedSinceRequest).toEqual([CITY]);
    expect(seenByReviewer.requirements.map((item) => [item.field, item.clearedAt !== null])).toEqual([
      [WEBSITE, false],
      [CITY, true],
    ]);
    expect(seenByReviewer.requestableFields.length).toBeGreaterThan(0);
    expect(seenByReviewer.canUpdate).toBe(false);
    const seenByStaff = await getCustomerForStaff(staff, customerId);
    expect(seenByStaff.canUpdate).toBe(true);
    expect(seenByStaff.requestableFields).toEqual([]);
    expect(seenByStaff.trail.at(-1)).toMatchObject({ action: "customer.updated", fields: [CITY] });
  });

  it("keeps the stored time of an unchanged day and the partner's reference, and refuses a changed reference", async () => {
    const { customerId, request } = await newCustomer();
    const { customer, version } = await getCustomerToFix(staff, customerId);
    const company = {
      partner_customer_id: customer.partner_customer_id,
      business_details: formValues(customer.business_details) as Record<string, unknown>,
    };
    expect(company.business_details.business_identifier_start_date).toBe("2023-11-07");
    await updateCustomerStep(
      staff,
      customerId,
      "company",
      { ...company, business_details: { ...company.business_details, website: "https://gemini.example.com" } },
      version,
    );
    const stored = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    expect(stored.businessIdentifierStartDate?.toISOString()).toBe("2023-11-07T05:31:56.000Z");
    expect(stored.website).toBe("https://gemini.example.com");
    expect(stored.partnerCustomerId).toBe(request.partner_customer_id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { customerId, action: "customer.updated" } });
    expect(audit).toMatchObject({ actorType: "user", actorId: staff.userId, fields: [WEBSITE] });

    const renamed = await refusal(
      updateCustomerStep(staff, customerId, "company", { ...company, partner_customer_id: newPartnerCustomerId() }, 1),
    );
    expect(renamed.details).toEqual([expect.objectContaining({ field: "partner_customer_id", code: "not_updatable" })]);
  });

  it("saves a representative whose ID number was left masked with the stored number, and refuses other masked text", async () => {
    const { customerId, request } = await newCustomer();
    const stored = request.business_person_list.map((person) => person.identification.id_number);
    const { customer, version } = await getCustomerToFix(staff, customerId);
    const people = formValues(customer.business_person_list) as {
      basic_info: Record<string, string>;
      identification: { id_number: string };
    }[];
    expect(people[0].identification.id_number).toBe(maskIdNumber(stored[0]));

    const renamed = people.map((person, index) =>
      index === 0 ? { ...person, basic_info: { ...person.basic_info, first_name_english: "William" } } : person,
    );
    await updateCustomerStep(staff, customerId, "representatives", { business_person_list: renamed }, version);
    const after = await getCustomerForStaff(reviewer, customerId);
    expect(after.trail.at(-1)).toMatchObject({
      action: "customer.updated",
      fields: ["business_person_list.0.basic_info.first_name_english"],
    });
    // The number kept is the stored one, not its mask.
    const row = await db.customer.findUniqueOrThrow({ where: { id: customerId }, include: storedCustomerInclude });
    expect(toCustomerResource(row).business_person_list.map((person) => person.identification.id_number)).toEqual(
      stored,
    );

    // Masked text that is not this person's mask would store the mask as the number: refused.
    const typed = await refusal(
      updateCustomerStep(
        staff,
        customerId,
        "representatives",
        {
          business_person_list: people.map((person, index) =>
            index === 0 ? { ...person, identification: { ...person.identification, id_number: "•••••••123" } } : person,
          ),
        },
        version + 1,
      ),
    );
    expect(typed.details?.[0]).toMatchObject({ field: "business_person_list.0.identification.id_number" });
  });

  it("lets only the partner's own staff fix its customer", async () => {
    const { customerId } = await newCustomer();
    expect((await refusal(getCustomerToFix(otherStaff, customerId))).code).toBe("not_found");
    expect((await refusal(getCustomerToFix(reviewer, customerId))).code).toBe("forbidden");
    expect((await refusal(updateCustomerStep(reviewer, customerId, "contact", {}, 0))).code).toBe("forbidden");
  });
});
