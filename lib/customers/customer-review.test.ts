import { buffer } from "node:stream/consumers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { unseal } from "@/lib/crypto/personal-data";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readFileForActor } from "@/lib/files/file-queries";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import {
  SAMPLE_FILES,
  authHeaders,
  newPartner,
  newPartnerCustomerId,
  postJson,
  servePartnerApi,
  uploadedFileId,
} from "@/tests/helpers/partner-api";
import { getCustomerForStaff, revealIdNumber } from "./customer-review";
import { decideCustomer } from "./decisions";

type StaffActor = Actor & { name: string; email: string };

const PASSWORD = "a long enough password";
/** lib/ refuses by throwing AppError; the page's door turns this one into the 404 page. */
const NOT_FOUND = { name: "AppError", code: "not_found", status: 404 };
/** The legal representatives' real ID numbers, in order. */
const ID_NUMBERS = ["E12345678", "K7654321X", "P0000042A1"];

const api = servePartnerApi();

let userCount = 0;

async function newActor(role: Role, name: string, partnerId: string | null = null): Promise<StaffActor> {
  userCount += 1;
  const email = `review-${userCount}@example.com`;
  const userId = await upsertUser({ email, name, password: PASSWORD, role, partnerId });
  return { userId, role, partnerId, name, email };
}

interface CustomerWithFiles {
  customerId: string;
  documentId: string;
  frontId: string;
  backId: string;
}

/** A customer created through the partner API, with a registration document and ID documents. */
async function newCustomerWithFiles(headers: Record<string, string>): Promise<CustomerWithFiles> {
  const documentId = await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.pdf);
  const frontId = await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.png);
  const backId = await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.jpeg);
  const body = exampleCustomerRequest(newPartnerCustomerId(), {
    documentIds: [documentId],
    idFrontFileId: frontId,
    idBackFileId: backId,
  });
  const [person] = body.business_person_list;
  body.business_person_list = ID_NUMBERS.map((idNumber, index) => ({
    ...structuredClone(person),
    identification: {
      ...structuredClone(person.identification),
      id_number: idNumber,
      // Only the first representative has ID documents.
      ...(index === 0 ? {} : { id_document_front_file_id: null, id_document_back_file_id: null }),
    },
  }));
  const response = await postJson(api.baseUrl, "/api/customers/create", body, headers);
  expect(response.status).toBe(200);
  const { customer_id: customerId } = (await response.json()) as { customer_id: string };
  return { customerId, documentId, frontId, backId };
}

async function eventsOf(customerId: string) {
  return db.auditEvent.findMany({ where: { customerId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}

let partnerId: string;
let headers: Record<string, string>;
let reviewer: StaffActor;
let partnerAdmin: StaffActor;
let partnerUser: StaffActor;
let outsider: StaffActor;
let admin: StaffActor;

beforeAll(async () => {
  const partner = await newPartner();
  const other = await newPartner();
  partnerId = partner.partnerId;
  headers = authHeaders(partner);
  reviewer = await newActor("reviewer", "Rita Reviewer");
  partnerAdmin = await newActor("partner_admin", "Pat Admin", partner.partnerId);
  partnerUser = await newActor("partner_user", "Paula Partner", partner.partnerId);
  outsider = await newActor("partner_user", "Otto Outsider", other.partnerId);
  admin = await newActor("admin", "Ada Admin");
});

describe("getCustomerForStaff", () => {
  it.each(["reviewer", "partner admin", "partner user"] as const)(
    "masks every ID number for the %s, keeping only its last three characters",
    async (who) => {
      const actor = { reviewer, "partner admin": partnerAdmin, "partner user": partnerUser }[who];
      const { customerId } = await newCustomerWithFiles(headers);
      const shown = await getCustomerForStaff(actor, customerId);

      expect(shown.customer.customer_id).toBe(customerId);
      const numbers = shown.customer.business_person_list.map((person) => person.identification.id_number);
      expect(numbers).toHaveLength(ID_NUMBERS.length);
      numbers.forEach((masked, index) => {
        const real = ID_NUMBERS[index];
        expect(masked).not.toBe(real);
        expect(masked.endsWith(real.slice(-3))).toBe(true);
        expect(masked).not.toContain(real.slice(0, -3));
      });
      // Nowhere else in what the page gets either.
      const everything = JSON.stringify(shown);
      for (const real of ID_NUMBERS) expect(everything).not.toContain(real);
      // The stored numbers themselves are untouched (sealed, whole).
      const stored = await db.businessPerson.findMany({ where: { customerId }, orderBy: { position: "asc" } });
      expect(stored.map((person) => unseal(person.idNumber, "id_number", person.id))).toEqual(ID_NUMBERS);
    },
  );

  it("shows the customer's documents, partner, version and trail", async () => {
    const { customerId, documentId, frontId, backId } = await newCustomerWithFiles(headers);
    const shown = await getCustomerForStaff(reviewer, customerId);
    expect(Object.keys(shown.files).sort()).toEqual([documentId, frontId, backId].sort());
    expect(shown.files[documentId]).toMatchObject({ fileId: documentId, contentType: "application/pdf" });
    expect(shown.version).toBe(0);
    expect(shown.partnerName).toMatch(/^Test Partner /);
    expect(shown.trail.map((event) => event.action)).toEqual(["customer.created"]);
  });

  it("gives partner staff the decision and its reason, but never the reviewer's name or email", async () => {
    const { customerId } = await newCustomerWithFiles(headers);
    await decideCustomer(reviewer, {
      customerId,
      decision: "approve",
      reason: "Documents verified",
      expectedVersion: 0,
    });
    const approvedFor = async (actor: StaffActor) =>
      (await getCustomerForStaff(actor, customerId)).trail.find((event) => event.action === "customer.approved");

    const forPartner = await approvedFor(partnerUser);
    expect(forPartner).toMatchObject({ reason: "Documents verified", toStatus: "active" });
    expect(forPartner?.actor.label).toBe("AxisFI compliance");
    const shownToPartner = JSON.stringify((await getCustomerForStaff(partnerUser, customerId)).trail);
    expect(shownToPartner).not.toContain(reviewer.email);
    expect(shownToPartner).not.toContain(reviewer.name);
    expect(shownToPartner).not.toContain(reviewer.userId);

    expect((await approvedFor(reviewer))?.actor.label).toBe(`${reviewer.name} <${reviewer.email}>`);
  });

  it("offers reviewers the decisions open for the status, and partner staff none", async () => {
    const { customerId } = await newCustomerWithFiles(headers);
    const offered = async () => ({
      reviewer: (await getCustomerForStaff(reviewer, customerId)).decisions,
      partnerAdmin: (await getCustomerForStaff(partnerAdmin, customerId)).decisions,
      partnerUser: (await getCustomerForStaff(partnerUser, customerId)).decisions,
    });
    const decide = (decision: string, expectedVersion: number) =>
      decideCustomer(reviewer, { customerId, decision, reason: "For the test.", expectedVersion });

    expect(await offered()).toEqual({ reviewer: ["approve", "reject"], partnerAdmin: [], partnerUser: [] });
    await decide("approve", 0);
    expect(await offered()).toEqual({ reviewer: ["suspend"], partnerAdmin: [], partnerUser: [] });
    await decide("suspend", 1);
    expect(await offered()).toEqual({ reviewer: ["reactivate"], partnerAdmin: [], partnerUser: [] });

    const rejected = await newCustomerWithFiles(headers);
    await decideCustomer(reviewer, {
      customerId: rejected.customerId,
      decision: "reject",
      reason: "Not eligible.",
      expectedVersion: 0,
    });
    expect((await getCustomerForStaff(reviewer, rejected.customerId)).decisions).toEqual([]);
  });

  it("lets only reviewers reveal ID numbers", async () => {
    const { customerId } = await newCustomerWithFiles(headers);
    expect((await getCustomerForStaff(reviewer, customerId)).canRevealIdNumbers).toBe(true);
    expect((await getCustomerForStaff(partnerAdmin, customerId)).canRevealIdNumbers).toBe(false);
    expect((await getCustomerForStaff(partnerUser, customerId)).canRevealIdNumbers).toBe(false);
  });

  it.each(["another partner's user", "an admin"] as const)(
    "answers %s as if the customer did not exist, and records nothing",
    async (who) => {
      const actor = who === "an admin" ? admin : outsider;
      const { customerId } = await newCustomerWithFiles(headers);
      const before = await eventsOf(customerId);
      const refused = await getCustomerForStaff(actor, customerId).catch((error: unknown) => error);
      expect(refused).toMatchObject(NOT_FOUND);
      const missing = await getCustomerForStaff(actor, `cus_${"0".repeat(32)}`).catch((error: unknown) => error);
      expect(refused).toEqual(missing);
      expect(await eventsOf(customerId)).toEqual(before);
    },
  );

  it("answers an unknown or malformed customer id with not found", async () => {
    await expect(getCustomerForStaff(reviewer, `cus_${"0".repeat(32)}`)).rejects.toMatchObject(NOT_FOUND);
    await expect(getCustomerForStaff(reviewer, "not-a-customer")).rejects.toMatchObject(NOT_FOUND);
    await expect(getCustomerForStaff(partnerUser, "")).rejects.toMatchObject(NOT_FOUND);
  });
});

describe("revealIdNumber", () => {
  it("gives a reviewer the real number and records one reveal naming the reviewer", async () => {
    const { customerId } = await newCustomerWithFiles(headers);
    const before = await eventsOf(customerId);

    expect(await revealIdNumber(reviewer, customerId, 1)).toBe(ID_NUMBERS[1]);

    const after = await eventsOf(customerId);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    const reveal = after.at(-1);
    expect(reveal).toMatchObject({
      actorType: "user",
      actorId: reviewer.userId,
      actorLabel: `Rita Reviewer <${reviewer.email}>`,
      action: "identity.revealed",
      customerId,
      partnerId,
      subject: "Legal representative 2",
      fromStatus: null,
      toStatus: null,
      reason: null,
    });
    // The event says whose number was revealed, never the number.
    expect(JSON.stringify(reveal)).not.toContain(ID_NUMBERS[1]);
  });

  it("records every reveal, one event each", async () => {
    const { customerId } = await newCustomerWithFiles(headers);
    for (const [position, idNumber] of ID_NUMBERS.entries()) {
      expect(await revealIdNumber(reviewer, customerId, position)).toBe(idNumber);
    }
    expect(await revealIdNumber(reviewer, customerId, 0)).toBe(ID_NUMBERS[0]);
    const reveals = (await eventsOf(customerId)).filter((event) => event.action === "identity.revealed");
    expect(reveals.map((event) => event.subject).sort()).toEqual(
      ["Legal representative 1", "Legal representative 1", "Legal representative 2", "Legal representative 3"].sort(),
    );
  });

  it.each(["partner admin", "partner user", "admin", "another partner's user"] as const)(
    "refuses the %s with 403 and records nothing",
    async (who) => {
      const actor = {
        "partner admin": partnerAdmin,
        "partner user": partnerUser,
        admin,
        "another partner's user": outsider,
      }[who];
      const { customerId } = await newCustomerWithFiles(headers);
      const before = await db.auditEvent.count();
      const attempt = revealIdNumber(actor, customerId, 0);
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: "forbidden", status: 403 });
      const error = (await attempt.catch((caught: unknown) => caught)) as Error;
      expect(error.message).not.toContain(ID_NUMBERS[0]);
      expect(await db.auditEvent.count()).toBe(before);
    },
  );

  it("answers a reviewer with not found for a missing representative or customer, and records nothing", async () => {
    const { customerId } = await newCustomerWithFiles(headers);
    const before = await db.auditEvent.count();
    for (const [id, position] of [
      [customerId, ID_NUMBERS.length],
      [customerId, -1],
      [`cus_${"0".repeat(32)}`, 0],
      ["not-a-customer", 0],
    ] as const) {
      await expect(revealIdNumber(reviewer, id, position)).rejects.toMatchObject({ code: "not_found", status: 404 });
    }
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("readFileForActor", () => {
  it.each(["reviewer", "partner admin", "partner user"] as const)(
    "gives the %s the document's bytes and records each view on the customer",
    async (who) => {
      const actor = { reviewer, "partner admin": partnerAdmin, "partner user": partnerUser }[who];
      const { customerId, documentId, frontId, backId } = await newCustomerWithFiles(headers);
      const before = await eventsOf(customerId);

      const document = await readFileForActor(actor, documentId);
      expect(document).not.toBeNull();
      expect((await buffer(document!.content)).equals(SAMPLE_FILES.pdf)).toBe(true);
      expect(document!.summary).toMatchObject({
        fileId: documentId,
        contentType: "application/pdf",
        size: SAMPLE_FILES.pdf.length,
      });
      expect(document!.partnerId).toBe(partnerId);

      const front = await readFileForActor(actor, frontId);
      expect((await buffer(front!.content)).equals(SAMPLE_FILES.png)).toBe(true);
      const back = await readFileForActor(actor, backId);
      expect((await buffer(back!.content)).equals(SAMPLE_FILES.jpeg)).toBe(true);
      // The same document again is another view.
      (await readFileForActor(actor, documentId)).content.destroy();

      const after = await eventsOf(customerId);
      expect(after.slice(0, before.length)).toEqual(before);
      const views = after.slice(before.length);
      expect(views).toHaveLength(4);
      for (const view of views) {
        expect(view).toMatchObject({
          actorType: "user",
          actorId: actor.userId,
          actorLabel: `${actor.name} <${actor.email}>`,
          action: "document.viewed",
          customerId,
          partnerId,
        });
      }
      expect(views.map((view) => view.subject).sort()).toEqual([documentId, documentId, frontId, backId].sort());
    },
  );

  it("records the view on every customer that uses the document", async () => {
    const documentId = await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.pdf);
    const customerIds: string[] = [];
    for (let index = 0; index < 2; index += 1) {
      const response = await postJson(
        api.baseUrl,
        "/api/customers/create",
        exampleCustomerRequest(newPartnerCustomerId(), { documentIds: [documentId] }),
        headers,
      );
      expect(response.status).toBe(200);
      customerIds.push(((await response.json()) as { customer_id: string }).customer_id);
    }
    await readFileForActor(reviewer, documentId);
    for (const customerId of customerIds) {
      const views = (await eventsOf(customerId)).filter((event) => event.action === "document.viewed");
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({ subject: documentId, actorId: reviewer.userId });
    }
  });

  it.each(["another partner's user", "an admin"] as const)(
    "gives %s nothing, as for a missing file, and records nothing",
    async (who) => {
      const actor = who === "an admin" ? admin : outsider;
      const { documentId, frontId, backId } = await newCustomerWithFiles(headers);
      const before = await db.auditEvent.count();
      const missing = await readFileForActor(actor, `file_${"0".repeat(32)}`).catch((error: unknown) => error);
      for (const fileId of [documentId, frontId, backId]) {
        const refused = await readFileForActor(actor, fileId).catch((error: unknown) => error);
        expect(refused).toMatchObject(NOT_FOUND);
        // Word for word what a missing file gets: nothing tells that this one exists.
        expect(refused).toEqual(missing);
      }
      expect(await db.auditEvent.count()).toBe(before);
    },
  );

  it("gives nothing for an unknown or malformed file id", async () => {
    const before = await db.auditEvent.count();
    await expect(readFileForActor(reviewer, `file_${"0".repeat(32)}`)).rejects.toMatchObject(NOT_FOUND);
    await expect(readFileForActor(reviewer, "../../etc/passwd")).rejects.toMatchObject(NOT_FOUND);
    await expect(readFileForActor(partnerUser, "")).rejects.toMatchObject(NOT_FOUND);
    expect(await db.auditEvent.count()).toBe(before);
  });
});
