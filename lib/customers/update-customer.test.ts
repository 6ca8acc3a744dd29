import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listPartnerEvents } from "@/lib/events/event-queries";
import { newId } from "@/lib/ids";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import { newAccount, type StaffActor } from "@/tests/helpers/accounts";
import { newPartner, newPartnerCustomerId } from "@/tests/helpers/partner-api";
import { createCustomer } from "./create-customer";
import { decideCustomer } from "./decisions";
import { requestInformation } from "./requirements";
import { updateCustomer, type CustomerUpdater } from "./update-customer";

const API_KEY_ACTOR = { type: "api_key", id: "key_test", label: "API key pk_test" } as const;
const ID_BACK = "business_person_list.0.identification.id_document_back_file_id";
const WEBSITE = "business_details.website";

let partnerId: string;
let updater: CustomerUpdater;
let reviewer: StaffActor;

beforeAll(async () => {
  partnerId = (await newPartner()).partnerId;
  updater = { partnerId, actor: API_KEY_ACTOR };
  reviewer = await newAccount("updates", "reviewer");
});

/** A file of `owner` as the upload records it (ownership is all an update checks of a file). */
async function upload(owner = partnerId): Promise<string> {
  const id = newId("file");
  await db.file.create({
    data: {
      id,
      partnerId: owner,
      fileName: "id-back.png",
      contentType: "image/png",
      size: 1,
      sha256: "0",
      storageKey: id,
    },
  });
  return id;
}

async function newCustomer() {
  const request = exampleCustomerRequest(newPartnerCustomerId(), { idBackFileId: await upload() });
  const customer = await createCustomer(request, updater);
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

async function version(customerId: string): Promise<number> {
  return (await db.customer.findUniqueOrThrow({ where: { id: customerId } })).version;
}

describe("requestInformation", () => {
  it("keeps the customer pending, lists what is due and tells the partner", async () => {
    const { customerId } = await newCustomer();
    const result = await requestInformation(reviewer, {
      customerId,
      items: [
        { field: ID_BACK, reason: "ID back image unreadable" },
        { field: WEBSITE, reason: "  The site\n does not load  " },
      ],
      expectedVersion: 0,
    });
    expect(result).toEqual({ version: 1 });
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    expect(customer.status).toBe("pending");

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { customerId, action: "customer.information_requested" },
    });
    expect(audit).toMatchObject({
      actorId: reviewer.userId,
      fields: [ID_BACK, WEBSITE],
      reason: "ID back image unreadable\nThe site does not load",
    });
    const events = await listPartnerEvents(partnerId, { type: "customer.information_requested" });
    const event = events.data.find((candidate) => candidate.data.customer.customer_id === customerId);
    expect(event?.data.customer.requirements).toEqual({
      currently_due: [
        { field: WEBSITE, reason: "The site does not load" },
        { field: ID_BACK, reason: "ID back image unreadable" },
      ].sort((a, b) => a.field.localeCompare(b.field)),
      requested_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
  });

  it("refuses someone who is not a reviewer, an unknown field, a stale version and a decided customer", async () => {
    const { customerId } = await newCustomer();
    const partnerUser = await newAccount("updates", "partner_user", partnerId);
    const items = [{ field: WEBSITE, reason: "Does not load" }];
    expect((await refusal(requestInformation(partnerUser, { customerId, items, expectedVersion: 0 }))).code).toBe(
      "forbidden",
    );
    const unknown = await refusal(
      requestInformation(reviewer, {
        customerId,
        items: [{ field: "business_person_list.3.identification.id_number", reason: "Which person?" }],
        expectedVersion: 0,
      }),
    );
    expect(unknown.details).toEqual([expect.objectContaining({ field: "items.0.field", code: "invalid_field" })]);
    expect((await refusal(requestInformation(reviewer, { customerId, items, expectedVersion: 5 }))).code).toBe(
      "conflict",
    );
    await decideCustomer(reviewer, { customerId, decision: "reject", reason: "Not eligible.", expectedVersion: 0 });
    expect((await refusal(requestInformation(reviewer, { customerId, items, expectedVersion: 1 }))).code).toBe(
      "customer_not_pending",
    );
    expect(await db.customerRequirement.count({ where: { customerId } })).toBe(0);
  });
});

describe("updateCustomer", () => {
  it("replaces a section, clears the requirements whose field changed, and records the changed paths", async () => {
    const { customerId, request } = await newCustomer();
    await requestInformation(reviewer, {
      customerId,
      items: [
        { field: ID_BACK, reason: "ID back image unreadable" },
        { field: WEBSITE, reason: "Does not load" },
      ],
      expectedVersion: 0,
    });
    const newBack = await upload();
    const person = request.business_person_list[0];
    const result = await updateCustomer(updater, customerId, {
      business_person_list: [
        { ...person, identification: { ...person.identification, id_document_back_file_id: newBack } },
      ],
    });

    expect(result.version).toBe(2);
    expect(result.changedFields).toEqual([ID_BACK]);
    expect(result.customer.business_person_list[0].identification).toMatchObject({
      id_number: person.identification.id_number,
      id_document_back_file_id: newBack,
    });
    // The website was not touched: its requirement is still due; the ID back's is cleared.
    expect(result.customer.requirements.currently_due).toEqual([{ field: WEBSITE, reason: "Does not load" }]);
    const rows = await db.customerRequirement.findMany({ where: { customerId }, orderBy: { field: "asc" } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { customerId, action: "customer.updated" } });
    expect(rows.find((row) => row.field === ID_BACK)).toMatchObject({ clearedByEventId: audit.id });
    expect(rows.find((row) => row.field === WEBSITE)?.clearedAt).toBeNull();
    expect(audit).toMatchObject({ actorType: "api_key", fields: [ID_BACK] });
    // Nothing in the audit trail holds a value, least of all the ID number.
    expect(JSON.stringify(audit)).not.toContain(person.identification.id_number);
    // The ID number is sealed at rest again, under the new person row.
    const stored = await db.businessPerson.findFirstOrThrow({ where: { customerId } });
    expect(stored.idNumber).not.toContain(person.identification.id_number);

    const events = await listPartnerEvents(partnerId, { type: "customer.updated" });
    const event = events.data.find((candidate) => candidate.data.customer.customer_id === customerId);
    expect(event?.data).toMatchObject({ changed_fields: [ID_BACK], customer: result.customer });

    // Fixing the website clears the last one.
    const fixed = await updateCustomer(updater, customerId, {
      business_details: { ...request.business_details, website: "https://gemini.example.com" },
    });
    expect(fixed.changedFields).toEqual([WEBSITE]);
    expect(fixed.customer.requirements).toEqual({ currently_due: [], requested_at: null });
  });

  it("validates every section with its full path, refuses partner_customer_id, and writes nothing", async () => {
    const { customerId, request } = await newCustomer();
    const error = await refusal(
      updateCustomer(updater, customerId, {
        partner_customer_id: newPartnerCustomerId(),
        primary_contact: { contact_email: "not an email" },
        account_usage: { ...request.account_usage, estimated_monthly_revenue_amount: -1 },
      }),
    );
    expect(error.code).toBe("validation_error");
    expect(error.details.map((detail) => [detail.field, detail.code])).toEqual([
      ["partner_customer_id", "not_updatable"],
      ["account_usage.estimated_monthly_revenue_amount", "invalid_amount"],
      ["primary_contact.contact_email", "invalid_email"],
    ]);
    expect((await refusal(updateCustomer(updater, customerId, {}))).code).toBe("validation_error");
    expect(await version(customerId)).toBe(0);
    expect(await db.auditEvent.count({ where: { customerId, action: "customer.updated" } })).toBe(0);
  });

  it("re-checks the merged customer: date order and files of another partner", async () => {
    const { customerId, request } = await newCustomer();
    const otherPartnersFile = await upload((await newPartner()).partnerId);
    const error = await refusal(
      updateCustomer(updater, customerId, {
        business_details: {
          ...request.business_details,
          business_identifier_start_date: "2040-01-01",
          business_identifier_document_list: [otherPartnersFile],
        },
      }),
    );
    expect(error.details).toEqual([
      expect.objectContaining({ field: "business_details.business_identifier_expiry_date", code: "date_order" }),
    ]);
    const files = await refusal(
      updateCustomer(updater, customerId, {
        business_details: { ...request.business_details, business_identifier_document_list: [otherPartnersFile] },
      }),
    );
    expect(files.details).toEqual([
      expect.objectContaining({
        field: "business_details.business_identifier_document_list.0",
        code: "file_not_found",
      }),
    ]);
    expect(await version(customerId)).toBe(0);
  });

  it("answers another partner's customer as not found, and refuses a decided one", async () => {
    const { customerId, request } = await newCustomer();
    const other: CustomerUpdater = { partnerId: (await newPartner()).partnerId, actor: API_KEY_ACTOR };
    const body = { primary_contact: { ...request.primary_contact, contact_email: "new@gemini.com" } };
    expect((await refusal(updateCustomer(other, customerId, body))).code).toBe("not_found");
    expect((await refusal(updateCustomer(updater, "cus_nope", body))).code).toBe("not_found");
    await decideCustomer(reviewer, { customerId, decision: "approve", reason: "All good.", expectedVersion: 0 });
    const refused = await refusal(updateCustomer(updater, customerId, body));
    expect([refused.code, refused.status]).toEqual(["customer_not_pending", 409]);
  });

  it("lets one of an update and a decision made at once win, never both on the same version", async () => {
    const { customerId, request } = await newCustomer();
    const body = { primary_contact: { ...request.primary_contact, contact_email: "race@gemini.com" } };
    const [updated, decided] = await Promise.allSettled([
      updateCustomer(updater, customerId, body),
      decideCustomer(reviewer, { customerId, decision: "approve", reason: "All good.", expectedVersion: 0 }),
    ]);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    if (updated.status === "fulfilled") {
      // The update took the lock first: the decision was made on a version that is gone.
      expect(decided.status).toBe("rejected");
      expect(customer).toMatchObject({ status: "pending", version: 1, contactEmail: "race@gemini.com" });
    } else {
      expect(decided.status).toBe("fulfilled");
      expect((updated.reason as AppError).code).toBe("customer_not_pending");
      expect(customer).toMatchObject({
        status: "active",
        version: 1,
        contactEmail: request.primary_contact.contact_email,
      });
    }
  });

  it("refuses an update from a page older than the customer (expectedVersion)", async () => {
    const { customerId, request } = await newCustomer();
    const body = { primary_contact: { ...request.primary_contact, contact_email: "stale@gemini.com" } };
    await updateCustomer(updater, customerId, body, { expectedVersion: 0 });
    expect((await refusal(updateCustomer(updater, customerId, body, { expectedVersion: 0 }))).code).toBe("conflict");
  });

  it("updates more customers at once than the pool has connections, with files to check", async () => {
    // A transaction holds its connection; had the file check waited for a second one inside it,
    // more concurrent updates than connections would have waited on each other until timed out.
    const customers = await Promise.all(Array.from({ length: 14 }, () => newCustomer()));
    const updated = await Promise.all(
      customers.map(async ({ customerId, request }) =>
        updateCustomer(updater, customerId, {
          business_details: { ...request.business_details, business_identifier_document_list: [await upload()] },
        }),
      ),
    );
    expect(updated.map((result) => result.changedFields)).toEqual(
      customers.map(() => ["business_details.business_identifier_document_list.0"]),
    );
  });
});
