import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { decideCustomer, DECISIONS, type Decision } from "@/lib/customers/decisions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currentDraftVersion, getDraft, saveDraftStep, startDraft } from "@/lib/onboarding/drafts";
import type { FormStep } from "@/lib/onboarding/steps";
import { createPartner, type PartnerWithKey } from "@/lib/partners/partners";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import {
  SAMPLE_FILES,
  authHeaders,
  newPartnerCustomerId,
  postJson,
  servePartnerApi,
  uploadFile,
  uploadedFileId,
} from "./helpers/partner-api";

/**
 * Creates, uploads, draft steps and review decisions all at once on one database: every write a
 * caller was told succeeded must be there afterwards, and nothing that was refused or rolled back.
 * It asserts only what callers see and what is stored. Every statement is real I/O on a pool of
 * connections, so requests interleave freely; the forced interleavings of particular races are in
 * the tests beside the code (tests/helpers/commit-gate.ts).
 */

const api = servePartnerApi();

const CREATES = 60;
const UPLOADS = 60;
const DRAFTS = 6;
const DECIDED_CUSTOMERS = 45;
const EXISTING_CUSTOMERS = 10;

type StaffActor = Actor & { name: string; email: string };

/**
 * The load is sent in bursts spread over this long, so that every kind of request overlaps every
 * other (in-process calls would otherwise finish before the first HTTP request arrives) and
 * several requests of a kind arrive together (so that creates share group-commit transactions).
 */
const SPREAD_MS = 2_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for the one of `bursts` bursts that the index-th of `count` requests belongs to. */
const burstOf = (index: number, count: number, bursts: number) =>
  pause(Math.floor((index * bursts) / count) * (SPREAD_MS / bursts));

let partner: PartnerWithKey;
let headers: Record<string, string>;
let staff: StaffActor;
let reviewers: StaffActor[];
let documentFileId: string;
let existingCustomers: { partnerCustomerId: string; customerId: string }[];
let customersToDecide: string[];
let draftIds: string[];

async function newStaff(role: Role, name: string, partnerId: string | null): Promise<StaffActor> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@mixed-load.example`;
  const userId = await upsertUser({ email, name, password: "a long enough password", role, partnerId });
  return { userId, role, partnerId, name, email };
}

async function createOverHttp(partnerCustomerId: string, idempotencyKey: string) {
  const body = exampleCustomerRequest(partnerCustomerId, { documentIds: [documentFileId] });
  const response = await postJson(api.baseUrl, "/api/customers/create", body, {
    ...headers,
    "Idempotency-Key": idempotencyKey,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function createdCustomerId(partnerCustomerId: string): Promise<string> {
  const created = await createOverHttp(partnerCustomerId, `setup-${partnerCustomerId}`);
  if (created.status !== 200) throw new Error(`setup create failed with ${created.status}`);
  return created.body.customer_id as string;
}

/**
 * The one place the test saves a draft step, from a page loaded just now (the draft's current
 * version). Resolves with whether the step was acknowledged as saved.
 */
async function saveStep(actor: StaffActor, draftId: string, step: FormStep, values: unknown): Promise<boolean> {
  try {
    await saveDraftStep(actor, draftId, step, values, await currentDraftVersion(actor, draftId));
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** What each wizard step holds, from the published example request. */
function exampleSteps(partnerCustomerId: string): [FormStep, Record<string, unknown>][] {
  const request = exampleCustomerRequest(partnerCustomerId);
  return [
    ["company", { partner_customer_id: request.partner_customer_id, business_details: request.business_details }],
    ["address", { registration_address: request.registration_address }],
    ["usage", { account_usage: request.account_usage }],
    ["contact", { primary_contact: request.primary_contact }],
    ["representatives", { business_person_list: request.business_person_list }],
  ];
}

const transactionSpy = vi.spyOn(db, "$transaction");

beforeAll(async () => {
  partner = await createPartner("Mixed Load Partner");
  headers = authHeaders(partner);
  staff = await newStaff("partner_user", "Mia Mixed", partner.partnerId);
  reviewers = [
    await newStaff("reviewer", "Rae Reviewer", null),
    await newStaff("reviewer", "Rob Reviewer", null),
    await newStaff("reviewer", "Ria Reviewer", null),
  ];
  documentFileId = await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.pdf);
  const existingIds = Array.from({ length: EXISTING_CUSTOMERS }, () => newPartnerCustomerId());
  existingCustomers = await Promise.all(
    existingIds.map(async (partnerCustomerId) => ({
      partnerCustomerId,
      customerId: await createdCustomerId(partnerCustomerId),
    })),
  );
  customersToDecide = await Promise.all(
    Array.from({ length: DECIDED_CUSTOMERS }, () => createdCustomerId(newPartnerCustomerId())),
  );
  draftIds = await Promise.all(Array.from({ length: DRAFTS }, () => startDraft(staff)));
  transactionSpy.mockClear();
});

afterAll(() => transactionSpy.mockRestore());

describe("mixed concurrent load", () => {
  it("keeps every acknowledged write and nothing that was refused or rolled back", async () => {
    // Creates: about a third reuse an existing partner_customer_id, so the groups they share
    // with new customers roll back and are retried one by one.
    const createRequests = Array.from({ length: CREATES }, (_, index) => {
      const duplicateOf = index % 3 === 2 ? existingCustomers[index % EXISTING_CUSTOMERS] : null;
      const partnerCustomerId = duplicateOf?.partnerCustomerId ?? newPartnerCustomerId();
      return { partnerCustomerId, duplicateOf, idempotencyKey: `mixed-load-${index}-${partnerCustomerId}` };
    });
    const creates = createRequests.map(async (request, index) => {
      await burstOf(index, CREATES, 10);
      return createOverHttp(request.partnerCustomerId, request.idempotencyKey);
    });

    const uploads = Array.from({ length: UPLOADS }, async (_, index) => {
      await burstOf(index, UPLOADS, 15);
      const [bytes, name, type] =
        index % 2 === 0
          ? [SAMPLE_FILES.png, "front.png", "image/png"]
          : [SAMPLE_FILES.pdf, "registration.pdf", "application/pdf"];
      const response = await uploadFile(api.baseUrl, headers, bytes, name, type);
      return { status: response.status, body: (await response.json()) as { file_id: string; size: number } };
    });

    // Each draft's steps in order (as one person fills the wizard), the drafts side by side; the
    // last save of each draft is refused (an invalid email) and must change nothing.
    const draftSaves = draftIds.map(async (draftId, index) => {
      const steps = exampleSteps(`mixed-load-draft-${index}`.padEnd(24, "0"));
      const saved: boolean[] = [];
      for (const [step, values] of steps) {
        await pause(SPREAD_MS / (steps.length + 1));
        saved.push(await saveStep(staff, draftId, step, values));
      }
      const refused = await saveStep(staff, draftId, "contact", {
        primary_contact: { contact_email: "not an email" },
      });
      return { draftId, steps, saved, refused };
    });

    // Three reviewers decide on each customer at once from the same version: one wins, the others
    // are refused by the version check and their transactions roll back.
    const decisions = customersToDecide.map(async (customerId, index) => {
      await burstOf(index, DECIDED_CUSTOMERS, 15);
      const attempt = (reviewer: StaffActor, decision: Decision) =>
        decideCustomer(reviewer, {
          customerId,
          decision,
          reason: `${decision} by ${reviewer.name}`,
          expectedVersion: 0,
        }).then(
          () => ({ decision, refused: false }),
          (error: unknown) => {
            if (error instanceof AppError && error.code === "conflict") return { decision, refused: true };
            throw error;
          },
        );
      return {
        customerId,
        outcomes: await Promise.all([
          attempt(reviewers[0], "approve"),
          attempt(reviewers[1], "reject"),
          attempt(reviewers[2], "approve"),
        ]),
      };
    });

    const [createResults, uploadResults, draftResults, decisionResults] = await Promise.all([
      Promise.all(creates),
      Promise.all(uploads),
      Promise.all(draftSaves),
      Promise.all(decisions),
    ]);
    let rowsChecked = 0;

    // Creates: a new partner_customer_id is created once; a reused one is refused with the
    // existing customer's id and creates nothing.
    createResults.forEach((result, index) => {
      const { duplicateOf } = createRequests[index];
      if (duplicateOf) {
        expect(result.status).toBe(409);
        expect(result.body.error).toMatchObject({
          code: "duplicate_partner_customer_id",
          customer_id: duplicateOf.customerId,
        });
      } else {
        expect(result.status).toBe(200);
      }
    });
    const created = createResults.filter((result) => result.status === 200).map((result) => result.body);
    const storedCustomers = await db.customer.findMany({
      where: { partnerId: partner.partnerId },
      select: {
        id: true,
        partnerCustomerId: true,
        status: true,
        version: true,
        documents: { select: { fileId: true } },
      },
    });
    const storedById = new Map(storedCustomers.map((customer) => [customer.id, customer]));
    expect(storedCustomers).toHaveLength(EXISTING_CUSTOMERS + DECIDED_CUSTOMERS + created.length);
    created.forEach((customer) => {
      const stored = storedById.get(customer.customer_id as string);
      expect(stored?.partnerCustomerId).toBe(customer.partner_customer_id);
      expect(stored?.documents.map((document) => document.fileId)).toEqual([documentFileId]);
      rowsChecked += 2;
    });
    const createdEvents = await db.auditEvent.count({
      where: { partnerId: partner.partnerId, action: "customer.created" },
    });
    expect(createdEvents).toBe(storedCustomers.length);
    rowsChecked += storedCustomers.length + createdEvents;

    // Counted before the replays below, which write (and roll back) groups of their own.
    const groupWrites = transactionSpy.mock.calls
      .map((call, index) => ({ batch: Array.isArray(call[0]), settled: transactionSpy.mock.settledResults[index] }))
      .filter((write) => write.batch);
    const groupRollbacks = groupWrites.filter((write) => write.settled?.type === "rejected").length;

    // Every answer given with an Idempotency-Key was stored: a retry gets the same answer back.
    const replays = await Promise.all(
      createRequests.map((request) => createOverHttp(request.partnerCustomerId, request.idempotencyKey)),
    );
    replays.forEach((replay, index) => {
      expect(replay.status).toBe(createResults[index].status);
      if (replay.status === 200) expect(replay.body.customer_id).toBe(createResults[index].body.customer_id);
      else expect((replay.body.error as { code: string }).code).toBe("duplicate_partner_customer_id");
    });
    rowsChecked += replays.length;
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(storedCustomers.length);

    // Uploads: every acknowledged file is stored for the partner, and nothing else.
    for (const upload of uploadResults) expect(upload.status).toBe(200);
    const storedFiles = await db.file.findMany({
      where: { partnerId: partner.partnerId },
      select: { id: true, size: true },
    });
    const storedFileSizes = new Map(storedFiles.map((file) => [file.id, file.size]));
    for (const upload of uploadResults) expect(storedFileSizes.get(upload.body.file_id)).toBe(upload.body.size);
    expect(storedFiles).toHaveLength(UPLOADS + 1);
    rowsChecked += storedFiles.length;

    // Draft steps: every acknowledged step is kept; the refused save changed nothing.
    const storedDrafts = await db.onboardingDraft.findMany({
      where: { id: { in: draftIds } },
      select: { id: true, completedSteps: true },
    });
    for (const { draftId, steps, saved, refused } of draftResults) {
      expect(saved.every(Boolean)).toBe(true);
      expect(refused).toBe(false);
      const stored = storedDrafts.find((draft) => draft.id === draftId);
      expect([...(stored?.completedSteps ?? [])].sort()).toEqual(steps.map(([step]) => step).sort());
      // The form as the application opens it (it is sealed at rest).
      expect((await getDraft(staff, draftId)).data).toEqual(Object.assign({}, ...steps.map(([, values]) => values)));
      rowsChecked += 1;
    }

    // Decisions: exactly one of each pair took effect, with its own audit event; the refused one
    // left no status change and no event.
    const decisionEvents = await db.auditEvent.findMany({
      where: { customerId: { in: customersToDecide }, action: { not: "customer.created" } },
      select: { customerId: true, action: true, reason: true },
    });
    let refusedDecisions = 0;
    for (const { customerId, outcomes } of decisionResults) {
      const winners = outcomes.filter((outcome) => !outcome.refused);
      expect(winners).toHaveLength(1);
      refusedDecisions += outcomes.length - winners.length;
      const transition = DECISIONS[winners[0].decision];
      expect(storedById.get(customerId)).toMatchObject({ status: transition.to, version: 1 });
      const events = decisionEvents.filter((event) => event.customerId === customerId);
      expect(events.map((event) => event.action)).toEqual([transition.action]);
      rowsChecked += 1 + events.length;
    }

    console.log(
      [
        "mixed load:",
        `creates ${CREATES} (${created.length} created, ${CREATES - created.length} duplicates refused),`,
        `group-commit transactions ${groupWrites.length} (${groupRollbacks} rolled back),`,
        `uploads ${UPLOADS}, draft step saves ${DRAFTS * 6} (${DRAFTS} refused),`,
        `decisions ${DECIDED_CUSTOMERS * 3} (${refusedDecisions} refused by the version check),`,
        `idempotent replays ${replays.length}, rows checked ${rowsChecked}`,
      ].join(" "),
    );
  });
});
