import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import { newPartner, newPartnerCustomerId } from "@/tests/helpers/partner-api";
import { draftFileIds, getDraft, listOpenDrafts, saveDraftStep, startDraft, submitDraft } from "./drafts";
import { FORM_STEPS, type FormStep } from "./steps";

const PASSWORD = "a long enough password";
const NOT_FOUND = { digest: expect.stringContaining("NEXT_HTTP_ERROR_FALLBACK;404") };

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

/** The values each step's form sends for the published example. */
function exampleSteps(partnerCustomerId = newPartnerCustomerId()): Record<FormStep, Record<string, unknown>> {
  const request = structuredClone(exampleCustomerRequest(partnerCustomerId));
  return {
    company: { partner_customer_id: request.partner_customer_id, business_details: request.business_details },
    address: { registration_address: request.registration_address },
    usage: { account_usage: request.account_usage },
    contact: { primary_contact: request.primary_contact },
    representatives: { business_person_list: request.business_person_list },
  };
}

/** Saves every step of the example to a new draft; returns its id. */
async function completedDraft(actor: Actor, partnerCustomerId = newPartnerCustomerId()): Promise<string> {
  const draftId = await startDraft(actor);
  const steps = exampleSteps(partnerCustomerId);
  for (const step of FORM_STEPS) {
    expect(await saveDraftStep(actor, draftId, step, steps[step]), step).toEqual({ ok: true });
  }
  return draftId;
}

async function storedDraft(draftId: string) {
  return db.onboardingDraft.findUniqueOrThrow({ where: { id: draftId } });
}

let team: Awaited<ReturnType<typeof newTeam>>;

beforeAll(async () => {
  team = await newTeam();
});

describe("startDraft and getDraft", () => {
  it("starts an open, empty draft for the actor's partner, which its owner can open", async () => {
    const draftId = await startDraft(team.user);
    expect(draftId).toMatch(/^drf_[0-9a-f]{32}$/);
    const draft = await getDraft(team.user, draftId);
    expect(draft).toMatchObject({
      id: draftId,
      partnerId: team.partnerId,
      status: "open",
      completedSteps: [],
      customerId: null,
      updatedByName: "Paula Partner",
    });
    // A partner_customer_id the person may change, valid as it stands.
    expect(draft.data).toEqual({ partner_customer_id: `onboarding-${draftId.slice(4)}` });
  });

  it("lets a colleague of the same partner open the draft", async () => {
    const draftId = await startDraft(team.user);
    await expect(getDraft(team.colleague, draftId)).resolves.toMatchObject({ id: draftId });
  });

  it("answers another partner's user as if the draft did not exist", async () => {
    const draftId = await startDraft(team.user);
    await expect(getDraft(team.outsider, draftId)).rejects.toMatchObject(NOT_FOUND);
  });

  it("answers a reviewer as if the draft did not exist", async () => {
    const draftId = await startDraft(team.user);
    await expect(getDraft(team.reviewer, draftId)).rejects.toMatchObject(NOT_FOUND);
  });

  it("answers an unknown or malformed draft id with not found", async () => {
    await expect(getDraft(team.user, `drf_${"0".repeat(32)}`)).rejects.toMatchObject(NOT_FOUND);
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

    const result = await saveDraftStep(team.user, draftId, "representatives", representatives);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.map(({ field, code }) => ({ field, code }))).toEqual(
      expect.arrayContaining([
        { field: "business_person_list.0.basic_info.birth_date", code: "required" },
        { field: "business_person_list.0.identification.id_issuing_country_code", code: "invalid_country_code" },
      ]),
    );
    expect(result.fieldErrors).toHaveLength(2);

    const after = await storedDraft(draftId);
    expect(after.data).toBe(before.data);
    expect(after.completedSteps).toBe(before.completedSteps);
  });

  it("refuses a field the step does not show", async () => {
    const draftId = await startDraft(team.user);
    const result = await saveDraftStep(team.user, draftId, "contact", {
      ...exampleSteps().contact,
      ...exampleSteps().address,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: [{ field: "registration_address", code: "unknown_field" }],
    });
    expect((await getDraft(team.user, draftId)).data).not.toHaveProperty("registration_address");
  });

  it("stores valid values as entered and lists the step as completed", async () => {
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
    expect(await saveDraftStep(team.user, draftId, "company", company)).toEqual({ ok: true });
    const draft = await getDraft(team.user, draftId);
    expect(draft.data).toEqual(company);
    expect(draft.completedSteps).toEqual(["company"]);
  });

  it("keeps earlier steps when saving another, lists each completed step once, and records who saved", async () => {
    const draftId = await startDraft(team.user);
    const steps = exampleSteps();
    await saveDraftStep(team.user, draftId, "company", steps.company);
    await saveDraftStep(team.user, draftId, "address", steps.address);
    await saveDraftStep(team.colleague, draftId, "company", steps.company);
    const draft = await getDraft(team.user, draftId);
    expect(draft.data).toEqual({ ...steps.company, ...steps.address });
    expect(draft.completedSteps).toEqual(["company", "address"]);
    expect(draft.updatedByName).toBe("Carl Colleague");
  });

  it("does not let another partner's user save a step", async () => {
    const draftId = await startDraft(team.user);
    const before = await storedDraft(draftId);
    await expect(saveDraftStep(team.outsider, draftId, "contact", exampleSteps().contact)).rejects.toMatchObject(
      NOT_FOUND,
    );
    expect((await storedDraft(draftId)).data).toBe(before.data);
  });
});

describe("submitDraft", () => {
  it("creates one customer from the saved steps, by the submitter, and marks the draft submitted", async () => {
    const partnerCustomerId = newPartnerCustomerId();
    const draftId = await completedDraft(team.user, partnerCustomerId);
    const before = await db.customer.count();

    const result = await submitDraft(team.colleague, draftId);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.customerId).toMatch(/^cus_[0-9a-f]{32}$/);
    expect(await db.customer.count()).toBe(before + 1);

    const customer = await db.customer.findUniqueOrThrow({
      where: { id: result.customerId },
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
    expect(customer.businessPersons[0].idNumber).toBe("E12345678");

    const draft = await getDraft(team.user, draftId);
    expect(draft).toMatchObject({
      status: "submitted",
      customerId: result.customerId,
      updatedByName: "Carl Colleague",
    });
  });

  it("creates exactly one customer for concurrent submits and a later one, all with the same id", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", "Quinn Quick", partner.partnerId);
    const draftId = await completedDraft(actor);

    const [first, second] = await Promise.all([submitDraft(actor, draftId), submitDraft(actor, draftId)]);
    const again = await submitDraft(actor, draftId);
    expect(first.ok && second.ok && again.ok).toBe(true);
    if (!first.ok || !second.ok || !again.ok) return;
    expect(second.customerId).toBe(first.customerId);
    expect(again.customerId).toBe(first.customerId);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(1);
    expect(await getDraft(actor, draftId)).toMatchObject({ status: "submitted", customerId: first.customerId });
  });

  it("refuses further edits once submitted", async () => {
    const draftId = await completedDraft(team.user);
    const submitted = await submitDraft(team.user, draftId);
    expect(submitted.ok).toBe(true);
    const before = await storedDraft(draftId);
    const result = await saveDraftStep(team.user, draftId, "contact", exampleSteps().contact);
    expect(result).toMatchObject({ ok: false, fieldErrors: [] });
    expect((await storedDraft(draftId)).data).toBe(before.data);
  });

  it("refuses a draft whose stored data became invalid, at the field's path, and creates nothing", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", "Tina Tamper", partner.partnerId);
    const draftId = await completedDraft(actor);
    const data = JSON.parse((await storedDraft(draftId)).data) as {
      registration_address: Record<string, unknown>;
    };
    data.registration_address.registration_address_country_code = "ZZ";
    await db.onboardingDraft.update({ where: { id: draftId }, data: { data: JSON.stringify(data) } });

    const result = await submitDraft(actor, draftId);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: "registration_address.registration_address_country_code", code: "invalid_country_code" },
    ]);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(0);
    expect(await getDraft(actor, draftId)).toMatchObject({ status: "open", customerId: null });
  });

  it("refuses a draft with steps still missing, naming each missing section", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", "Ivy Incomplete", partner.partnerId);
    const draftId = await startDraft(actor);
    await saveDraftStep(actor, draftId, "company", exampleSteps().company);

    const result = await submitDraft(actor, draftId);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.map((error) => error.field).sort()).toEqual([
      "account_usage",
      "business_person_list",
      "primary_contact",
      "registration_address",
    ]);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(0);
  });

  it("refuses a second draft with a partner_customer_id already in use", async () => {
    const partnerCustomerId = newPartnerCustomerId();
    const first = await submitDraft(team.user, await completedDraft(team.user, partnerCustomerId));
    expect(first.ok).toBe(true);
    const secondDraftId = await completedDraft(team.user, partnerCustomerId);
    const second = await submitDraft(team.user, secondDraftId);
    expect(second).toMatchObject({ ok: false, fieldErrors: [{ field: "partner_customer_id", code: "duplicate" }] });
    expect(await getDraft(team.user, secondDraftId)).toMatchObject({ status: "open", customerId: null });
  });

  it("does not let another partner's user submit the draft", async () => {
    const draftId = await completedDraft(team.user);
    const before = await db.customer.count();
    await expect(submitDraft(team.outsider, draftId)).rejects.toMatchObject(NOT_FOUND);
    expect(await db.customer.count()).toBe(before);
  });
});

describe("listOpenDrafts", () => {
  it("lists only the actor's partner's open drafts, newest first, with who last changed them", async () => {
    const local = await newTeam();
    const older = await startDraft(local.user);
    // Changed a minute ago, so the order does not hang on two writes landing in one millisecond.
    await db.onboardingDraft.update({ where: { id: older }, data: { updatedAt: new Date(Date.now() - 60_000) } });
    const newer = await startDraft(local.user);
    await saveDraftStep(local.colleague, newer, "contact", exampleSteps().contact);
    const submitted = await completedDraft(local.user);
    expect((await submitDraft(local.user, submitted)).ok).toBe(true);
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

describe("steps saved at the same moment", () => {
  it("keeps both, as two tabs or two colleagues would expect", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const draftId = await startDraft(team.user);
      const steps = exampleSteps();
      const results = await Promise.all([
        saveDraftStep(team.user, draftId, "address", steps.address),
        saveDraftStep(team.colleague, draftId, "contact", steps.contact),
      ]);
      expect(results).toEqual([{ ok: true }, { ok: true }]);
      const stored = await storedDraft(draftId);
      const data = JSON.parse(stored.data) as Record<string, unknown>;
      expect(data.registration_address).toEqual(steps.address.registration_address);
      expect(data.primary_contact).toEqual(steps.contact.primary_contact);
      expect((JSON.parse(stored.completedSteps) as string[]).sort()).toEqual(["address", "contact"]);
    }
  });
});

describe("a draft being submitted", () => {
  it("refuses steps while it is being submitted, so the customer is what was reviewed", async () => {
    const draftId = await completedDraft(team.user);
    await db.onboardingDraft.update({ where: { id: draftId }, data: { status: "submitting" } });
    const changed = { primary_contact: { contact_email: "changed-while-submitting@example.com" } };
    const result = await saveDraftStep(team.colleague, draftId, "contact", changed);
    expect(result).toMatchObject({ ok: false });
    const stored = JSON.parse((await storedDraft(draftId)).data) as { primary_contact: { contact_email: string } };
    expect(stored.primary_contact.contact_email).not.toBe("changed-while-submitting@example.com");
    expect((await listOpenDrafts(team.user)).map((draft) => draft.id)).not.toContain(draftId);
  });

  it("submits what the draft holds at the end, even when a step is saved at the same moment", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const draftId = await completedDraft(team.user);
      const changed = exampleSteps().contact;
      (changed.primary_contact as { contact_email: string }).contact_email = `changed-${attempt}@example.com`;
      const [submitted] = await Promise.all([
        submitDraft(team.user, draftId),
        saveDraftStep(team.colleague, draftId, "contact", changed),
      ]);
      expect(submitted).toMatchObject({ ok: true });
      const draft = await storedDraft(draftId);
      const customer = await db.customer.findUniqueOrThrow({ where: { id: draft.customerId ?? "" } });
      const kept = JSON.parse(draft.data) as { primary_contact: { contact_email: string } };
      expect(customer.contactEmail).toBe(kept.primary_contact.contact_email);
    }
  });

  it("opens again for corrections when the submission is refused", async () => {
    const reference = newPartnerCustomerId();
    const first = await completedDraft(team.user, reference);
    expect(await submitDraft(team.user, first)).toMatchObject({ ok: true });
    const second = await completedDraft(team.user, reference);
    expect(await submitDraft(team.user, second)).toMatchObject({ ok: false });
    expect((await storedDraft(second)).status).toBe("open");
    const steps = exampleSteps();
    expect(await saveDraftStep(team.user, second, "company", steps.company)).toEqual({ ok: true });
    expect(await submitDraft(team.user, second)).toMatchObject({ ok: true });
  });
});
