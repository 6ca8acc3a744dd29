import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { isSealed, seal, unseal } from "@/lib/crypto/personal-data";
import { createCustomer } from "@/lib/customers/create-customer";
import { db } from "@/lib/db";
import { databaseFileBytes } from "@/tests/helpers/database-files";
import { AppError } from "@/lib/errors";
import { CommitGate } from "@/tests/helpers/commit-gate";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest, exampleWizardSteps } from "@/tests/fixtures/customer-request";
import { newPartner, newPartnerCustomerId } from "@/tests/helpers/partner-api";
import {
  currentDraftVersion,
  discardDraft,
  draftFileIds,
  getDraft,
  LINK_EDITOR_NAME,
  listOpenDrafts,
  saveDraftStep,
  startDraft,
  startLinkDraft,
  submitDraft,
} from "./drafts";
import { FORM_STEPS, type FormStep } from "./steps";
import { englishOf } from "@/tests/helpers/said";

const PASSWORD = "a long enough password";
const NOT_FOUND = { code: "not_found", status: 404 };
const NOT_OPEN = { code: "draft_not_open", status: 409 };
const STALE = { code: "conflict", status: 409 };

let userCount = 0;

async function newActor(role: Role, name: string, partnerId: string | null = null): Promise<Actor> {
  userCount += 1;
  const userId = await upsertUser({
    email: `drafts-${userCount}@example.com`,
    name,
    password: PASSWORD,
    role,
    partnerId,
  });
  return { userId, role, partnerId };
}

/** Two people of one partner, one of another partner, and a reviewer. */
async function newTeam() {
  const partner = await newPartner();
  const other = await newPartner();
  return {
    partnerId: partner.partnerId,
    user: await newActor("partner_user", "Paula Partner", partner.partnerId),
    colleague: await newActor("partner_admin", "Carl Colleague", partner.partnerId),
    outsider: await newActor("partner_user", "Otto Outsider", other.partnerId),
    reviewer: await newActor("reviewer", "Rita Reviewer"),
  };
}

const exampleSteps = (partnerCustomerId = newPartnerCustomerId()) => exampleWizardSteps(partnerCustomerId);

/** Saves a step from a page loaded just now, as a person working alone would. */
async function saveStep(actor: Actor, draftId: string, step: FormStep, values: unknown) {
  return saveDraftStep(actor, draftId, step, values, await currentDraftVersion(actor, draftId));
}

/** Saves every step of the example to a new draft; returns its id. */
async function completedDraft(actor: Actor, partnerCustomerId = newPartnerCustomerId()): Promise<string> {
  const draftId = await startDraft(actor);
  const steps = exampleSteps(partnerCustomerId);
  for (const [index, step] of FORM_STEPS.entries()) {
    expect(await saveDraftStep(actor, draftId, step, steps[step], index), step).toEqual({ version: index + 1 });
  }
  return draftId;
}

async function storedDraft(draftId: string) {
  return db.onboardingDraft.findUniqueOrThrow({ where: { id: draftId } });
}

/** The form data a draft row holds, opened as the application opens it. */
async function storedData(draftId: string): Promise<Record<string, unknown>> {
  const { data } = await storedDraft(draftId);
  return JSON.parse(isSealed(data) ? unseal(data, "draft", draftId) : data) as Record<string, unknown>;
}

/** The refusal a call ends in; fails the test when it succeeds or throws anything but an AppError. */
async function refusalOf(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(
    () => new Error("Expected a refusal, but the call succeeded."),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let team: Awaited<ReturnType<typeof newTeam>>;

beforeAll(async () => {
  team = await newTeam();
});

describe("startDraft and getDraft", () => {
  it("starts an open, empty draft at version 0 for the actor's partner, which its owner can open", async () => {
    const draftId = await startDraft(team.user);
    expect(draftId).toMatch(/^drf_[0-9a-f]{32}$/);
    const draft = await getDraft(team.user, draftId);
    expect(draft).toMatchObject({
      id: draftId,
      partnerId: team.partnerId,
      status: "open",
      completedSteps: [],
      customerId: null,
      version: 0,
      updatedByName: "Paula Partner",
    });
    // A partner_customer_id the person may change, valid as it stands.
    expect(draft.data).toEqual({ partner_customer_id: `onboarding-${draftId.slice(4)}` });
  });

  it("lets a colleague of the same partner open the draft", async () => {
    const draftId = await startDraft(team.user);
    await expect(getDraft(team.colleague, draftId)).resolves.toMatchObject({ id: draftId });
  });

  it("answers another partner's user and a reviewer exactly as if the draft did not exist", async () => {
    const draftId = await startDraft(team.user);
    const missing = await refusalOf(getDraft(team.user, `drf_${"0".repeat(32)}`));
    expect(missing).toMatchObject(NOT_FOUND);
    for (const actor of [team.outsider, team.reviewer]) {
      const refused = await refusalOf(getDraft(actor, draftId));
      expect({ ...refused, userMessage: refused.userMessage }).toEqual({
        ...missing,
        userMessage: missing.userMessage,
      });
      await expect(currentDraftVersion(actor, draftId)).rejects.toMatchObject(NOT_FOUND);
    }
  });

  it("answers a malformed draft id with not found", async () => {
    await expect(getDraft(team.user, "not-a-draft-id")).rejects.toMatchObject(NOT_FOUND);
  });

  it.each(["reviewer", "admin"] as const)("refuses to start a draft for a %s", async (role) => {
    const actor = role === "reviewer" ? team.reviewer : await newActor("admin", "Ada Admin");
    const before = await db.onboardingDraft.count();
    const attempt = startDraft(actor);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "forbidden", status: 403 });
    expect(await db.onboardingDraft.count()).toBe(before);
  });

  it("refuses to start a draft for a partner role without a partner", async () => {
    const broken: Actor = { userId: team.user.userId, role: "partner_user", partnerId: null };
    await expect(startDraft(broken)).rejects.toMatchObject({ code: "forbidden", status: 403 });
  });
});

describe("saveDraftStep", () => {
  it("refuses invalid values with every field error at its full API path, and keeps the draft as it was", async () => {
    const draftId = await startDraft(team.user);
    const before = await storedDraft(draftId);
    const representatives = exampleSteps().representatives as {
      business_person_list: { basic_info: Record<string, unknown>; identification: Record<string, unknown> }[];
    };
    representatives.business_person_list[0].identification.id_issuing_country_code = "ZZ";
    representatives.business_person_list[0].basic_info.birth_date = "";

    const error = await refusalOf(saveDraftStep(team.user, draftId, "representatives", representatives, 0));
    expect(error).toMatchObject({ code: "validation_error", status: 400 });
    expect(error.details.map(({ field, code }) => ({ field, code }))).toEqual(
      expect.arrayContaining([
        { field: "business_person_list.0.basic_info.birth_date", code: "required" },
        { field: "business_person_list.0.identification.id_issuing_country_code", code: "invalid_country_code" },
      ]),
    );
    expect(error.details).toHaveLength(2);
    expect(await storedDraft(draftId)).toEqual(before);
  });

  it("refuses a field the step does not show", async () => {
    const draftId = await startDraft(team.user);
    const error = await refusalOf(
      saveDraftStep(team.user, draftId, "contact", { ...exampleSteps().contact, ...exampleSteps().address }, 0),
    );
    expect(error).toMatchObject({
      code: "validation_error",
      details: [{ field: "registration_address", code: "unknown_field" }],
    });
    expect((await getDraft(team.user, draftId)).data).not.toHaveProperty("registration_address");
  });

  it("refuses a step or a version the wizard does not send", async () => {
    const draftId = await startDraft(team.user);
    const before = await storedDraft(draftId);
    const contact = exampleSteps().contact;
    await expect(saveDraftStep(team.user, draftId, "review" as FormStep, contact, 0)).rejects.toMatchObject({
      code: "validation_error",
    });
    await expect(saveDraftStep(team.user, draftId, "contact", contact, "0" as unknown as number)).rejects.toMatchObject(
      { code: "validation_error" },
    );
    expect(await storedDraft(draftId)).toEqual(before);
  });

  it("stores valid values as entered, lists the step as completed and bumps the version", async () => {
    const draftId = await startDraft(team.user);
    const company = {
      partner_customer_id: `  ${newPartnerCustomerId()} `,
      business_details: {
        business_name_english: " Gemini Trading Limited ",
        website: "",
        business_identifier_number: "91310000MA1FL4TQ2X",
        business_identifier_country_code: "US",
        business_identifier_document_list: [],
        business_name: "",
        business_identifier_start_date: "2023-11-07",
        business_identifier_expiry_date: "",
      },
    };
    expect(await saveDraftStep(team.user, draftId, "company", company, 0)).toEqual({ version: 1 });
    const draft = await getDraft(team.user, draftId);
    expect(draft.data).toEqual(company);
    expect(draft.completedSteps).toEqual(["company"]);
    expect(draft.version).toBe(1);
  });

  it("keeps earlier steps when saving another, lists each completed step once, and records who saved", async () => {
    const draftId = await startDraft(team.user);
    const steps = exampleSteps();
    expect(await saveDraftStep(team.user, draftId, "company", steps.company, 0)).toEqual({ version: 1 });
    expect(await saveDraftStep(team.user, draftId, "address", steps.address, 1)).toEqual({ version: 2 });
    expect(await saveDraftStep(team.colleague, draftId, "company", steps.company, 2)).toEqual({ version: 3 });
    const draft = await getDraft(team.user, draftId);
    expect(draft.data).toEqual({ ...steps.company, ...steps.address });
    expect(draft.completedSteps).toEqual(["company", "address"]);
    expect(draft.updatedByName).toBe("Carl Colleague");
  });

  it("refuses a save from a page loaded at an older version, and the draft is unchanged", async () => {
    const draftId = await startDraft(team.user);
    const saved = exampleSteps().company as { business_details: Record<string, unknown> };
    saved.business_details.website = "https://saved.example.com";
    saved.business_details.business_name = "双子贸易有限公司";
    expect(await saveDraftStep(team.user, draftId, "company", saved, 0)).toEqual({ version: 1 });
    const before = await storedDraft(draftId);

    // The page of the first save, shown again from a cache: the required fields typed again,
    // the website and local name left empty.
    const retyped = exampleSteps().company as { business_details: Record<string, unknown> };
    retyped.business_details.website = "";
    retyped.business_details.business_name = "";
    const error = await refusalOf(saveDraftStep(team.colleague, draftId, "company", retyped, 0));
    expect(error).toMatchObject(STALE);
    expect(englishOf(error)).toMatch(/reload/i);

    expect(await storedDraft(draftId)).toEqual(before);
    expect((await getDraft(team.user, draftId)).data).toEqual(saved);
  });

  it("does not let another partner's user save a step", async () => {
    const draftId = await startDraft(team.user);
    const before = await storedDraft(draftId);
    await expect(saveDraftStep(team.outsider, draftId, "contact", exampleSteps().contact, 0)).rejects.toMatchObject(
      NOT_FOUND,
    );
    expect(await storedDraft(draftId)).toEqual(before);
  });
});

describe("a draft's personal data at rest", () => {
  it("is sealed in the database, and opens as entered", async () => {
    const draftId = await startDraft(team.user);
    const steps = exampleSteps();
    await saveStep(team.user, draftId, "representatives", steps.representatives);
    const { data } = await storedDraft(draftId);
    expect(isSealed(data)).toBe(true);
    expect(data).not.toContain("E12345678");
    expect((await getDraft(team.user, draftId)).data).toMatchObject(steps.representatives);
  });

  it("opens a draft stored before sealing, and seals it on its next save", async () => {
    const draftId = await startDraft(team.user);
    const steps = exampleSteps();
    await db.onboardingDraft.update({
      where: { id: draftId },
      data: { data: JSON.stringify(steps.representatives), completedSteps: ["representatives"] },
    });
    expect((await getDraft(team.user, draftId)).data).toEqual(steps.representatives);

    await saveStep(team.user, draftId, "contact", steps.contact);
    const { data } = await storedDraft(draftId);
    expect(isSealed(data)).toBe(true);
    expect(await storedData(draftId)).toEqual({ ...steps.representatives, ...steps.contact });
  });

  it("leaves no ID number in clear in the database files or its write-ahead log", async () => {
    const idNumber = `ZQ${Date.now().toString(36).toUpperCase()}7731`;
    const draftId = await startDraft(team.user);
    const steps = exampleSteps();
    const people = steps.representatives.business_person_list as { identification: Record<string, unknown> }[];
    people[0].identification.id_number = idNumber;
    await saveStep(team.user, draftId, "representatives", steps.representatives);
    // The save really holds it: the test would pass vacuously otherwise.
    expect(JSON.stringify((await getDraft(team.user, draftId)).data)).toContain(idNumber);

    const bytes = await databaseFileBytes();
    // The check can see the draft's row: its id is there in clear.
    expect(bytes.includes(Buffer.from(draftId))).toBe(true);
    expect(bytes.includes(Buffer.from(idNumber))).toBe(false);
  });
});

describe("submitDraft", () => {
  it("creates one customer from the saved steps, by the submitter, and keeps nothing of the form", async () => {
    const partnerCustomerId = newPartnerCustomerId();
    const draftId = await completedDraft(team.user, partnerCustomerId);
    const before = await db.customer.count();

    const { customerId } = await submitDraft(team.colleague, draftId);
    expect(customerId).toMatch(/^cus_[0-9a-f]{32}$/);
    expect(await db.customer.count()).toBe(before + 1);

    const customer = await db.customer.findUniqueOrThrow({
      where: { id: customerId },
      include: { businessPersons: true },
    });
    expect(customer).toMatchObject({
      partnerId: team.partnerId,
      partnerCustomerId,
      createdByUserId: team.colleague.userId,
      createdByApiKeyId: null,
      status: "pending",
      businessNameEnglish: "Gemini Trading Limited",
      registrationAddressCountryCode: "US",
      contactEmail: "service@gemini.com",
    });
    expect(customer.businessPersons).toHaveLength(1);

    const draft = await getDraft(team.user, draftId);
    expect(draft).toMatchObject({ status: "submitted", customerId, updatedByName: "Carl Colleague", data: {} });
    // The customer record holds the form now; the draft row keeps none of it, sealed or not.
    expect((await storedDraft(draftId)).data).toBe("{}");
  });

  it("creates exactly one customer for concurrent submits and a later one, all with the same id", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", "Quinn Quick", partner.partnerId);
    const draftId = await completedDraft(actor);

    const [first, second] = await Promise.all([submitDraft(actor, draftId), submitDraft(actor, draftId)]);
    const again = await submitDraft(actor, draftId);
    expect(second.customerId).toBe(first.customerId);
    expect(again.customerId).toBe(first.customerId);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(1);
    expect(await getDraft(actor, draftId)).toMatchObject({ status: "submitted", customerId: first.customerId });
  });

  it("is never answered by a partner API request whose Idempotency-Key names the draft", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", "Ida Idem", partner.partnerId);
    const draftId = await completedDraft(actor);
    const apiKeyActor = { type: "api_key", id: "key_test", label: "API key pk_test" } as const;
    const apiCustomers: string[] = [];
    for (const key of [draftId, `draft:${draftId}`]) {
      const created = await createCustomer(
        exampleCustomerRequest(newPartnerCustomerId()),
        { partnerId: partner.partnerId, actor: apiKeyActor },
        { idempotency: { partnerId: partner.partnerId, scope: "api", key, requestHash: "api request" } },
      );
      apiCustomers.push(created.customer_id);
    }

    const { customerId } = await submitDraft(actor, draftId);
    expect(apiCustomers).not.toContain(customerId);
    expect(new Set(apiCustomers).size).toBe(2);
    expect(await db.customer.findUniqueOrThrow({ where: { id: customerId } })).toMatchObject({
      createdByUserId: actor.userId,
    });
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(3);
    expect(await submitDraft(actor, draftId)).toEqual({ customerId });
  });

  it("refuses a submit from a review another tab has changed since, creating nothing, then submits the reviewed latest", async () => {
    const draftId = await completedDraft(team.user);
    const reviewed = await currentDraftVersion(team.user, draftId);
    // A colleague changes the contact while the review page is open.
    const changedContact = { primary_contact: { contact_email: "changed@example.com" } };
    await saveStep(team.colleague, draftId, "contact", changedContact);
    const customersBefore = await db.customer.count();

    expect(await refusalOf(submitDraft(team.user, draftId, reviewed))).toMatchObject(STALE);
    expect(await db.customer.count()).toBe(customersBefore);
    expect(await storedDraft(draftId)).toMatchObject({ status: "open", customerId: null });

    const { customerId } = await submitDraft(team.user, draftId, await currentDraftVersion(team.user, draftId));
    expect(await db.customer.findUniqueOrThrow({ where: { id: customerId } })).toMatchObject({
      contactEmail: "changed@example.com",
    });
  });

  it("keeps a phone as typed in the draft, and gives the customer its E.164 form", async () => {
    const draftId = await startDraft(team.user);
    const steps = exampleSteps();
    const typed = "+1 (415) 555-2671";
    for (const step of FORM_STEPS) {
      const values =
        step === "contact"
          ? { primary_contact: { ...steps.contact.primary_contact, contact_phone: typed } }
          : steps[step];
      await saveStep(team.user, draftId, step, values);
    }
    expect((await storedData(draftId)).primary_contact).toMatchObject({ contact_phone: typed });
    const { customerId } = await submitDraft(team.user, draftId);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { contactPhone: true } });
    expect(customer.contactPhone).toBe("+14155552671");
  });

  it("refuses further edits once submitted, saying the draft is no longer open", async () => {
    const draftId = await completedDraft(team.user);
    await submitDraft(team.user, draftId);
    const before = await storedDraft(draftId);
    const error = await refusalOf(saveStep(team.user, draftId, "contact", exampleSteps().contact));
    expect(error).toMatchObject(NOT_OPEN);
    expect(englishOf(error)).toMatch(/submitted/);
    expect(await storedDraft(draftId)).toEqual(before);
  });

  it("refuses a draft whose stored data became invalid, at the field's path, and creates nothing", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", "Tina Tamper", partner.partnerId);
    const draftId = await completedDraft(actor);
    const data = (await storedData(draftId)) as { registration_address: Record<string, unknown> };
    data.registration_address.registration_address_country_code = "ZZ";
    await db.onboardingDraft.update({
      where: { id: draftId },
      data: { data: seal(JSON.stringify(data), "draft", draftId) },
    });

    const error = await refusalOf(submitDraft(actor, draftId));
    expect(error).toMatchObject({ code: "validation_error", status: 400 });
    expect(error.details.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: "registration_address.registration_address_country_code", code: "invalid_country_code" },
    ]);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(0);
    expect(await getDraft(actor, draftId)).toMatchObject({ status: "open", customerId: null });
  });

  it("refuses a draft with steps still missing, naming each missing section", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", "Ivy Incomplete", partner.partnerId);
    const draftId = await startDraft(actor);
    await saveStep(actor, draftId, "company", exampleSteps().company);

    const error = await refusalOf(submitDraft(actor, draftId));
    expect(error).toMatchObject({ code: "validation_error" });
    expect(error.details.map((detail) => detail.field).sort()).toEqual([
      "account_usage",
      "business_person_list",
      "primary_contact",
      "registration_address",
    ]);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(0);
  });

  it("refuses a second draft with a partner_customer_id already in use", async () => {
    const partnerCustomerId = newPartnerCustomerId();
    await submitDraft(team.user, await completedDraft(team.user, partnerCustomerId));
    const secondDraftId = await completedDraft(team.user, partnerCustomerId);
    await expect(submitDraft(team.user, secondDraftId)).rejects.toMatchObject({
      code: "duplicate_partner_customer_id",
      status: 409,
      details: [{ field: "partner_customer_id", code: "duplicate" }],
    });
    expect(await getDraft(team.user, secondDraftId)).toMatchObject({ status: "open", customerId: null });
  });

  it("does not let another partner's user submit the draft", async () => {
    const draftId = await completedDraft(team.user);
    const before = await db.customer.count();
    await expect(submitDraft(team.outsider, draftId)).rejects.toMatchObject(NOT_FOUND);
    expect(await db.customer.count()).toBe(before);
  });
});

describe("discardDraft", () => {
  it("deletes an open draft with its sealed form, so it is neither listed nor opened again", async () => {
    const draftId = await startDraft(team.user);
    await saveStep(team.user, draftId, "company", exampleSteps().company);
    await discardDraft(team.colleague, draftId);
    expect(await db.onboardingDraft.findUnique({ where: { id: draftId } })).toBeNull();
    expect((await listOpenDrafts(team.user)).map((draft) => draft.id)).not.toContain(draftId);
    expect(await refusalOf(getDraft(team.user, draftId))).toMatchObject(NOT_FOUND);
    expect(await refusalOf(discardDraft(team.user, draftId))).toMatchObject(NOT_FOUND);
  });

  it("answers another partner's user and a reviewer as if the draft did not exist, and keeps it", async () => {
    const draftId = await startDraft(team.user);
    expect(await refusalOf(discardDraft(team.outsider, draftId))).toMatchObject(NOT_FOUND);
    expect(await refusalOf(discardDraft(team.reviewer, draftId))).toMatchObject(NOT_FOUND);
    expect(await storedDraft(draftId)).toMatchObject({ status: "open" });
  });

  it("refuses a submitted draft, keeping which customer it became", async () => {
    const draftId = await completedDraft(team.user);
    const { customerId } = await submitDraft(team.user, draftId);
    expect(await refusalOf(discardDraft(team.user, draftId))).toMatchObject(NOT_OPEN);
    expect(await storedDraft(draftId)).toMatchObject({ status: "submitted", customerId });
  });
});

describe("listOpenDrafts", () => {
  it("lists only the actor's partner's open drafts, newest first, with who last changed them", async () => {
    const local = await newTeam();
    const older = await startDraft(local.user);
    // Changed a minute ago, so the order does not hang on two writes landing in one millisecond.
    await db.onboardingDraft.update({ where: { id: older }, data: { updatedAt: new Date(Date.now() - 60_000) } });
    const newer = await startDraft(local.user);
    await saveStep(local.colleague, newer, "contact", exampleSteps().contact);
    const submitted = await completedDraft(local.user);
    await submitDraft(local.user, submitted);
    await startDraft(local.outsider);

    const drafts = await listOpenDrafts(local.user);
    expect(drafts.map((draft) => draft.id)).toEqual([newer, older]);
    expect(drafts.map((draft) => draft.updatedByName)).toEqual(["Carl Colleague", "Paula Partner"]);
    expect(drafts.every((draft) => draft.partnerId === local.partnerId && draft.status === "open")).toBe(true);

    expect((await listOpenDrafts(local.colleague)).map((draft) => draft.id)).toEqual([newer, older]);
    expect((await listOpenDrafts(local.outsider)).map((draft) => draft.partnerId)).toEqual([local.outsider.partnerId]);
  });

  it("lists nothing for a reviewer or an admin", async () => {
    await startDraft(team.user);
    expect(await listOpenDrafts(team.reviewer)).toEqual([]);
    expect(await listOpenDrafts(await newActor("admin", "Ada Admin"))).toEqual([]);
  });
});

describe("draftFileIds", () => {
  it("finds every file id a draft refers to, and ignores empty ones", () => {
    const documentId = "file_00000000000000000000000000000001";
    const frontId = "file_00000000000000000000000000000002";
    const backId = "file_00000000000000000000000000000003";
    const data = exampleCustomerRequest(newPartnerCustomerId(), {
      documentIds: [documentId],
      idFrontFileId: frontId,
    }) as unknown as Record<string, unknown>;
    expect(draftFileIds(data)).toEqual([documentId, frontId]);

    const withEmpty = structuredClone(data) as { business_person_list: { identification: Record<string, unknown> }[] };
    withEmpty.business_person_list[0].identification.id_document_back_file_id = backId;
    withEmpty.business_person_list[0].identification.id_document_front_file_id = "";
    expect(draftFileIds(withEmpty)).toEqual([documentId, backId]);
    expect(draftFileIds({})).toEqual([]);
  });
});

describe("steps saved at the same moment from pages loaded at one version", () => {
  it("applies exactly one, refuses the other as stale, and loses nothing that was saved", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const draftId = await startDraft(team.user);
      const steps = exampleSteps();
      const results = await Promise.allSettled([
        saveDraftStep(team.user, draftId, "address", steps.address, 0),
        saveDraftStep(team.colleague, draftId, "contact", steps.contact, 0),
      ]);
      const applied = results.flatMap((result, index) => (result.status === "fulfilled" ? [index] : []));
      expect(applied).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected");
      expect(refused?.reason).toMatchObject(STALE);

      const winner = applied[0] === 0 ? steps.address : steps.contact;
      const draft = await getDraft(team.user, draftId);
      expect(draft.data).toEqual({ partner_customer_id: `onboarding-${draftId.slice(4)}`, ...winner });
      expect(draft.version).toBe(1);
      expect(draft.completedSteps).toEqual([applied[0] === 0 ? "address" : "contact"]);
    }
  });
});

describe("a draft being submitted", () => {
  it("refuses steps while it is being submitted, so the customer is what was reviewed", async () => {
    const draftId = await completedDraft(team.user);
    await db.onboardingDraft.update({ where: { id: draftId }, data: { status: "submitting" } });
    const changed = { primary_contact: { contact_email: "changed-while-submitting@example.com" } };
    await expect(saveStep(team.colleague, draftId, "contact", changed)).rejects.toMatchObject(NOT_OPEN);
    const stored = (await storedData(draftId)) as { primary_contact: { contact_email: string } };
    expect(stored.primary_contact.contact_email).not.toBe("changed-while-submitting@example.com");
    expect((await listOpenDrafts(team.user)).map((draft) => draft.id)).not.toContain(draftId);
  });

  it("submits what the draft holds at the end, even when a step is saved at the same moment", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const draftId = await completedDraft(team.user);
      const changed = exampleSteps().contact;
      const email = `changed-${attempt}@example.com`;
      (changed.primary_contact as { contact_email: string }).contact_email = email;
      const loaded = await currentDraftVersion(team.colleague, draftId);
      const [submitted, saved] = await Promise.allSettled([
        submitDraft(team.user, draftId),
        saveDraftStep(team.colleague, draftId, "contact", changed, loaded),
      ]);
      expect(submitted.status).toBe("fulfilled");
      if (submitted.status !== "fulfilled") return;
      const customer = await db.customer.findUniqueOrThrow({ where: { id: submitted.value.customerId } });
      if (saved.status === "fulfilled") {
        expect(customer.contactEmail).toBe(email);
      } else {
        // Refused because the draft was frozen for submission, or had moved on since it was read.
        expect(saved.reason).toBeInstanceOf(AppError);
        expect(customer.contactEmail).toBe("service@gemini.com");
      }
    }
  });

  describe("while a step saved from another tab is being committed", () => {
    /**
     * Saves the contact step from another tab and holds its transaction at the commit, then
     * submits: the submission's freeze reads the draft while the save is written but not yet
     * committed, which is the moment it must not decide on.
     */
    async function submitDuringSave(draftId: string, email: string, reviewedVersion?: number) {
      const changed = exampleSteps().contact;
      (changed.primary_contact as { contact_email: string }).contact_email = email;
      const loaded = await currentDraftVersion(team.colleague, draftId);
      // Only saves (which leave the draft open) wait at the gate; freezing and submitting do not.
      const gate = await CommitGate.close("OnboardingDraft", `NEW.status = 'open'`);
      try {
        const saved = saveDraftStep(team.colleague, draftId, "contact", changed, loaded);
        await gate.waitForLockWaiters(1);
        const submitted = submitDraft(team.user, draftId, reviewedVersion);
        // The freeze waits for the save's row lock: guarded when it reads, unguarded when it writes.
        await gate.waitForLockWaiters(2);
        await gate.open();
        const results = await Promise.allSettled([saved, submitted]);
        return { saved: results[0], submitted: results[1], loaded };
      } finally {
        await gate.remove();
      }
    }

    it("refuses a submit from the review the save made stale, and the draft keeps the save", async () => {
      const draftId = await completedDraft(team.user);
      const customersBefore = await db.customer.count();
      const email = "saved-during-review@example.com";
      const reviewed = await currentDraftVersion(team.user, draftId);
      const { saved, submitted, loaded } = await submitDuringSave(draftId, email, reviewed);

      expect(saved).toEqual({ status: "fulfilled", value: { version: loaded + 1 } });
      expect(submitted.status).toBe("rejected");
      expect(submitted.status === "rejected" && submitted.reason).toMatchObject(STALE);
      expect(await db.customer.count()).toBe(customersBefore);
      expect(await storedDraft(draftId)).toMatchObject({ status: "open", customerId: null, version: loaded + 1 });
      expect(await storedData(draftId)).toMatchObject({ primary_contact: { contact_email: email } });
    });

    it("submits the saved step when no reviewed version is given, never the draft as it was before it", async () => {
      const draftId = await completedDraft(team.user);
      const email = "saved-during-submit@example.com";
      const { saved, submitted } = await submitDuringSave(draftId, email);

      expect(saved.status).toBe("fulfilled");
      expect(submitted.status).toBe("fulfilled");
      if (submitted.status !== "fulfilled") return;
      const customer = await db.customer.findUniqueOrThrow({ where: { id: submitted.value.customerId } });
      expect(customer.contactEmail).toBe(email);
    });
  });

  it("opens again for corrections when the submission is refused", async () => {
    const reference = newPartnerCustomerId();
    const first = await completedDraft(team.user, reference);
    await submitDraft(team.user, first);
    const second = await completedDraft(team.user, reference);
    await expect(submitDraft(team.user, second)).rejects.toMatchObject({ code: "duplicate_partner_customer_id" });
    expect((await storedDraft(second)).status).toBe("open");
    await saveStep(team.user, second, "company", exampleSteps().company);
    await expect(submitDraft(team.user, second)).resolves.toMatchObject({ customerId: expect.any(String) });
  });
});

describe("a draft the business fills through an onboarding link", () => {
  /** A link row of the partner (lib/onboarding-links/ makes them; the draft only needs one to belong to). */
  async function linkOf(partnerId: string) {
    const id = `olink_${crypto.randomUUID().replaceAll("-", "")}`;
    await db.onboardingLink.create({
      data: {
        id,
        partnerId,
        partnerCustomerId: newPartnerCustomerId(),
        returnUrl: "https://partner.example.com/done",
        refreshUrl: "https://partner.example.com/again",
        tokenHash: id,
        expiresAt: new Date(),
        createdByApiKeyId: "key_test",
      },
    });
    return { onboardingLinkId: id, partnerId, label: `Business via onboarding link ${id}` };
  }

  async function linkDraftOf(link: Awaited<ReturnType<typeof linkOf>>, partnerCustomerId: string) {
    return db.$transaction((tx) => startLinkDraft(tx, link, { partner_customer_id: partnerCustomerId }));
  }

  it("is not discarded by the partner's staff (it is the business's own form)", async () => {
    const link = await linkOf(team.partnerId);
    const draftId = await linkDraftOf(link, newPartnerCustomerId());
    expect(await refusalOf(discardDraft(team.user, draftId))).toMatchObject(NOT_FOUND);
    expect(await storedDraft(draftId)).toMatchObject({ status: "open", onboardingLinkId: link.onboardingLinkId });
  });

  it("is reached by its link only: not by the partner's staff, nor by another link", async () => {
    const link = await linkOf(team.partnerId);
    const draftId = await linkDraftOf(link, newPartnerCustomerId());
    expect(await storedDraft(draftId)).toMatchObject({ createdById: null, onboardingLinkId: link.onboardingLinkId });
    expect((await getDraft(link, draftId)).updatedByName).toBe(LINK_EDITOR_NAME);

    const otherLink = await linkOf(team.partnerId);
    for (const stranger of [team.user, team.colleague, otherLink]) {
      expect(await refusalOf(getDraft(stranger, draftId))).toMatchObject(NOT_FOUND);
      expect(await refusalOf(saveDraftStep(stranger, draftId, "address", exampleSteps().address, 0))).toMatchObject(
        NOT_FOUND,
      );
    }
    expect((await listOpenDrafts(team.user)).map((draft) => draft.id)).not.toContain(draftId);
    // And a link reaches no staff draft.
    const staffDraft = await startDraft(team.user);
    expect(await refusalOf(getDraft(link, staffDraft))).toMatchObject(NOT_FOUND);
  });

  it("submits through createCustomer, with the link as the actor", async () => {
    const link = await linkOf(team.partnerId);
    const partnerCustomerId = newPartnerCustomerId();
    const draftId = await linkDraftOf(link, partnerCustomerId);
    const steps = exampleSteps(partnerCustomerId);
    for (const [index, step] of FORM_STEPS.entries()) await saveDraftStep(link, draftId, step, steps[step], index);
    expect((await storedDraft(draftId)).updatedById).toBeNull();

    const { customerId } = await submitDraft(link, draftId, FORM_STEPS.length);
    expect(await db.customer.findUniqueOrThrow({ where: { id: customerId } })).toMatchObject({
      partnerId: team.partnerId,
      partnerCustomerId,
      createdByUserId: null,
      createdByApiKeyId: null,
    });
    const created = await db.auditEvent.findFirstOrThrow({ where: { customerId, action: "customer.created" } });
    expect(created).toMatchObject({ actorType: "system", actorId: link.onboardingLinkId, actorLabel: link.label });
  });

  it("must belong to a staff member or a link: the database refuses a draft with neither", async () => {
    await expect(
      db.onboardingDraft.create({ data: { id: `drf_${"0".repeat(32)}`, partnerId: team.partnerId } }),
    ).rejects.toThrow(/OnboardingDraft_owner_check/);
  });
});
