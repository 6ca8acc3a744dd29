import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { createCustomer } from "@/lib/customers/create-customer";
import { CUSTOMER_PAGE_SIZE, listCustomersForActor, type CustomerListFilters } from "@/lib/customers/customer-list";
import { getPartnerCustomer } from "@/lib/customers/customer-queries";
import { getCustomerForStaff, revealIdNumber } from "@/lib/customers/customer-review";
import { decideCustomer } from "@/lib/customers/decisions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readFileForActor } from "@/lib/files/file-queries";
import { getDraft, saveDraftStep, startDraft, submitDraft } from "@/lib/onboarding/drafts";
import { FORM_STEPS } from "@/lib/onboarding/steps";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest, exampleWizardSteps, type ExampleFileIds } from "./fixtures/customer-request";
import {
  SAMPLE_FILES,
  authHeaders,
  newPartner,
  newPartnerCustomerId,
  servePartnerApi,
  uploadedFileId,
} from "./helpers/partner-api";

type StaffActor = Actor & { name: string; email: string };

const PASSWORD = "a long enough password";
const API_KEY_ACTOR = { type: "api_key", id: "key_test", label: "API key pk_test" } as const;
const DRAFT_NOT_FOUND = { class: AppError.name, code: "not_found", status: 404 };
const MISSING_CUSTOMER = `cus_${"0".repeat(32)}`;
const MISSING_FILE = `file_${"0".repeat(32)}`;
const MISSING_DRAFT = `drf_${"0".repeat(32)}`;

const api = servePartnerApi();

let userCount = 0;

async function newActor(role: Role, name: string, partnerId: string | null = null): Promise<StaffActor> {
  userCount += 1;
  const email = `back-office-${userCount}@example.com`;
  const userId = await upsertUser({ email, name, password: PASSWORD, role, partnerId });
  return { userId, role, partnerId, name, email };
}

/** A partner with its API credentials and a member of staff. */
async function newPartnerWithStaff(staffName: string) {
  const partner = await newPartner();
  return {
    partnerId: partner.partnerId,
    name: partner.name,
    headers: authHeaders(partner),
    staff: await newActor("partner_user", staffName, partner.partnerId),
  };
}

async function newCustomer(
  partnerId: string,
  options: { name?: string; partnerCustomerId?: string; files?: ExampleFileIds } = {},
): Promise<string> {
  const request = exampleCustomerRequest(options.partnerCustomerId ?? newPartnerCustomerId(), options.files);
  if (options.name) request.business_details.business_name_english = options.name;
  const customer = await createCustomer(request, { partnerId, actor: API_KEY_ACTOR });
  return customer.customer_id;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

/** What an entry point threw, for comparing two refusals. */
async function refusal(attempt: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await attempt.then(
    () => {
      throw new Error("Expected a refusal, but the call succeeded.");
    },
    (caught: unknown) => caught as Error & { digest?: string; code?: string; status?: number; details?: unknown },
  );
  return {
    class: error.constructor.name,
    message: error.message,
    digest: error.digest,
    code: error.code,
    status: error.status,
    details: error.details,
  };
}

async function ids(actor: Actor, filters: CustomerListFilters = {}): Promise<string[]> {
  return (await listCustomersForActor(actor, filters)).rows.map((row) => row.customerId);
}

let reviewer: StaffActor;
let admin: StaffActor;

beforeAll(async () => {
  reviewer = await newActor("reviewer", "Rita Reviewer");
  admin = await newActor("admin", "Ada Admin");
});

describe("listCustomersForActor", () => {
  const tag = `t${process.pid}${Date.now()}`;
  let a: Awaited<ReturnType<typeof newPartnerWithStaff>>;
  let b: Awaited<ReturnType<typeof newPartnerWithStaff>>;
  /** In creation order. */
  let aIds: string[];
  let bIds: string[];
  const sharedPartnerCustomerId = newPartnerCustomerId();

  beforeAll(async () => {
    a = await newPartnerWithStaff("Alice Alder");
    b = await newPartnerWithStaff("Bob Birch");
    aIds = [];
    bIds = [];
    for (let index = 1; index <= 3; index += 1) {
      aIds.push(await newCustomer(a.partnerId, { name: `Alder Widgets ${tag} ${index}` }));
      await pause();
    }
    bIds.push(await newCustomer(b.partnerId, { name: `Birch Gadgets ${tag} 1` }));
    await pause();
    bIds.push(await newCustomer(b.partnerId, { name: `Birch Gadgets ${tag} 2` }));
    await pause();
    // The same partner_customer_id at both partners, which is allowed.
    aIds.push(
      await newCustomer(a.partnerId, { name: `Alder Shared ${tag}`, partnerCustomerId: sharedPartnerCustomerId }),
    );
    await pause();
    bIds.push(
      await newCustomer(b.partnerId, { name: `Birch Shared ${tag}`, partnerCustomerId: sharedPartnerCustomerId }),
    );
  });

  it("shows partner staff only their own partner's customers, newest first", async () => {
    const page = await listCustomersForActor(a.staff, {});
    expect(page.rows.map((row) => row.customerId)).toEqual([...aIds].reverse());
    expect(page.rows.every((row) => row.partnerName === a.name)).toBe(true);
    expect(page.nextCursor).toBeNull();
    expect(await ids(b.staff)).toEqual([...bIds].reverse());
  });

  it("counts the customers that match when they fit on one page", async () => {
    expect((await listCustomersForActor(a.staff, {})).total).toEqual({ count: 4, more: false });
    expect((await listCustomersForActor(a.staff, { q: `Alder Widgets ${tag}` })).total).toEqual({
      count: 3,
      more: false,
    });
    expect((await listCustomersForActor(b.staff, { q: `Alder Widgets ${tag}` })).total).toEqual({
      count: 0,
      more: false,
    });
  });

  it("ignores another partner's id in a partner staff's partner filter", async () => {
    expect(await ids(a.staff, { partnerId: b.partnerId })).toEqual([...aIds].reverse());
    expect(await ids(b.staff, { partnerId: a.partnerId, q: `Alder Widgets ${tag}` })).toEqual([]);
  });

  it("shows reviewers every partner's customers, and lets them filter by partner", async () => {
    const all = await ids(reviewer, { q: tag });
    expect(all.sort()).toEqual([...aIds, ...bIds].sort());
    expect(await ids(reviewer, { q: tag, partnerId: b.partnerId })).toEqual([...bIds].reverse());
    expect(await ids(reviewer, { partnerId: a.partnerId })).toEqual([...aIds].reverse());
  });

  it("shows an admin and a partner role without a partner nothing", async () => {
    expect(await ids(admin, { q: tag })).toEqual([]);
    expect(await ids(admin, { partnerId: a.partnerId })).toEqual([]);
    const broken: Actor = { userId: a.staff.userId, role: "partner_user", partnerId: null };
    expect(await ids(broken, { q: tag })).toEqual([]);
  });

  it("finds a customer by its exact customer_id, only for those allowed to see it", async () => {
    expect(await ids(a.staff, { q: aIds[1] })).toEqual([aIds[1]]);
    expect(await ids(a.staff, { q: `  ${aIds[1]}  ` })).toEqual([aIds[1]]);
    expect(await ids(reviewer, { q: bIds[0] })).toEqual([bIds[0]]);
    expect(await ids(a.staff, { q: bIds[0] })).toEqual([]);
    expect(await ids(b.staff, { q: aIds[1] })).toEqual([]);
    expect(await ids(reviewer, { q: MISSING_CUSTOMER })).toEqual([]);
  });

  it("finds a customer by its exact partner_customer_id, within what the actor may see", async () => {
    expect(await ids(a.staff, { q: sharedPartnerCustomerId })).toEqual([aIds[3]]);
    expect(await ids(b.staff, { q: sharedPartnerCustomerId })).toEqual([bIds[2]]);
    expect((await ids(reviewer, { q: sharedPartnerCustomerId })).sort()).toEqual([aIds[3], bIds[2]].sort());
    // Only the whole reference finds it.
    expect(await ids(a.staff, { q: sharedPartnerCustomerId.slice(0, -2) })).toEqual([]);
  });

  it("finds customers by part of the business name, within what the actor may see", async () => {
    expect(await ids(a.staff, { q: `Widgets ${tag}` })).toEqual([aIds[2], aIds[1], aIds[0]]);
    expect(await ids(b.staff, { q: `Widgets ${tag}` })).toEqual([]);
    expect(await ids(reviewer, { q: `Gadgets ${tag} 2` })).toEqual([bIds[1]]);
    expect(await ids(reviewer, { q: `Shared ${tag}` })).toEqual([bIds[2], aIds[3]]);
    // Whatever the case typed, and literally: % and _ are characters, not patterns.
    expect(await ids(a.staff, { q: `wIDGETS ${tag}`.toUpperCase() })).toEqual([aIds[2], aIds[1], aIds[0]]);
    expect(await ids(a.staff, { q: `Widgets%${tag}` })).toEqual([]);
    expect(await ids(a.staff, { q: `Widgets_${tag}` })).toEqual([]);
    // The local-language name is searched too.
    expect(await ids(b.staff, { q: "双子贸易" })).toEqual([...bIds].reverse());
  });

  it("finds a name holding %, _ or \\ by those characters, as typed", async () => {
    const partner = await newPartnerWithStaff("Percy Percent");
    const literal = await newCustomer(partner.partnerId, { name: `Half 50%_Off\\Sale ${tag}` });
    await newCustomer(partner.partnerId, { name: `Half 500 Off Sale ${tag}` });
    expect(await ids(partner.staff, { q: "50%_off\\" })).toEqual([literal]);
    expect(await ids(partner.staff, { q: "0%" })).toEqual([literal]);
  });

  it("filters by status", async () => {
    const partner = await newPartnerWithStaff("Stan Status");
    const [approved, rejected, pending, suspended] = [
      await newCustomer(partner.partnerId),
      await newCustomer(partner.partnerId),
      await newCustomer(partner.partnerId),
      await newCustomer(partner.partnerId),
    ];
    const decide = (customerId: string, decision: string, expectedVersion = 0) =>
      decideCustomer(reviewer, { customerId, decision, reason: "For the test.", expectedVersion });
    await decide(approved, "approve");
    await decide(rejected, "reject");
    await decide(suspended, "approve");
    await decide(suspended, "suspend", 1);

    expect(await ids(partner.staff, { status: "active" })).toEqual([approved]);
    expect(await ids(partner.staff, { status: "rejected" })).toEqual([rejected]);
    expect(await ids(partner.staff, { status: "pending" })).toEqual([pending]);
    expect(await ids(partner.staff, { status: "suspended" })).toEqual([suspended]);
    expect(await ids(reviewer, { status: "rejected", partnerId: partner.partnerId })).toEqual([rejected]);
    // A status that does not exist filters nothing out.
    expect((await ids(partner.staff, { status: "deleted" })).sort()).toEqual(
      [approved, rejected, pending, suspended].sort(),
    );
    // Another partner's staff see none of them, whatever the status.
    for (const status of ["active", "rejected", "pending", "suspended"]) {
      expect(await ids(a.staff, { status, partnerId: partner.partnerId })).not.toContain(approved);
      expect((await ids(a.staff, { status })).some((id) => [approved, rejected, pending, suspended].includes(id))).toBe(
        false,
      );
    }
  });

  it("orders newest first by default and oldest first on request", async () => {
    expect(await ids(a.staff, { order: "newest" })).toEqual([...aIds].reverse());
    expect(await ids(a.staff, { order: "oldest" })).toEqual(aIds);
    expect(await ids(reviewer, { q: tag, order: "oldest", partnerId: b.partnerId })).toEqual(bIds);
  });
});

describe("listCustomersForActor: pages", () => {
  const TOTAL = 2 * CUSTOMER_PAGE_SIZE + 10;
  let c: Awaited<ReturnType<typeof newPartnerWithStaff>>;
  let other: Awaited<ReturnType<typeof newPartnerWithStaff>>;
  let created: { id: string; createdAt: Date }[];

  beforeAll(async () => {
    c = await newPartnerWithStaff("Cleo Cursor");
    other = await newPartnerWithStaff("Oscar Other");
    await newCustomer(other.partnerId);
    // Created in concurrent batches, so that many share a creation millisecond.
    for (let batch = 0; batch < 3; batch += 1) {
      await Promise.all(Array.from({ length: TOTAL / 3 }, () => newCustomer(c.partnerId)));
    }
    // Three creation times only, 20 customers each, so that page boundaries fall inside ties and
    // only the id orders them.
    const rows = await db.customer.findMany({ where: { partnerId: c.partnerId }, select: { id: true } });
    expect(rows).toHaveLength(TOTAL);
    const base = Date.now() - 60_000;
    for (const [index, row] of rows.entries()) {
      await db.customer.update({
        where: { id: row.id },
        data: { createdAt: new Date(base + 1_000 * (index % 3)) },
      });
    }
    created = (
      await db.customer.findMany({ where: { partnerId: c.partnerId }, select: { id: true, createdAt: true } })
    ).map((row) => ({ id: row.id, createdAt: row.createdAt }));
    expect(new Set(created.map((row) => row.createdAt.getTime())).size).toBe(3);
  });

  function expectedOrder(order: "newest" | "oldest"): string[] {
    const sorted = [...created].sort(
      (x, y) => x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
    );
    return (order === "oldest" ? sorted : sorted.reverse()).map((row) => row.id);
  }

  async function allPages(actor: Actor, filters: CustomerListFilters): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listCustomersForActor(actor, { ...filters, cursor });
      pages.push(page.rows.map((row) => row.customerId));
      cursor = page.nextCursor ?? undefined;
      expect(pages.length).toBeLessThanOrEqual(5);
    } while (cursor);
    return pages;
  }

  it.each(["newest", "oldest"] as const)(
    "walks all %s-first pages without overlap or gaps, for partner staff and reviewers",
    async (order) => {
      for (const [actor, filters] of [
        [c.staff, { order }],
        [reviewer, { order, partnerId: c.partnerId }],
        // A partner's staff asking for another partner's list get their own.
        [c.staff, { order, partnerId: other.partnerId }],
      ] as const) {
        const pages = await allPages(actor, filters);
        expect(pages.map((page) => page.length)).toEqual([CUSTOMER_PAGE_SIZE, CUSTOMER_PAGE_SIZE, 10]);
        const flat = pages.flat();
        expect(new Set(flat).size).toBe(TOTAL);
        expect(flat).toEqual(expectedOrder(order));
      }
    },
  );

  it("says a list longer than a page has more than a page's worth, on every page", async () => {
    const first = await listCustomersForActor(c.staff, {});
    expect(first.total).toEqual({ count: CUSTOMER_PAGE_SIZE, more: true });
    const second = await listCustomersForActor(c.staff, { cursor: first.nextCursor! });
    expect(second.total).toEqual({ count: CUSTOMER_PAGE_SIZE, more: true });
  });

  it("keeps later pages stable when a customer is added between pages", async () => {
    const first = await listCustomersForActor(c.staff, {});
    expect(first.nextCursor).not.toBeNull();
    const added = await newCustomer(c.partnerId);
    const second = await listCustomersForActor(c.staff, { cursor: first.nextCursor! });
    const third = await listCustomersForActor(c.staff, { cursor: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    const rest = [...second.rows, ...third.rows].map((row) => row.customerId);
    expect(rest).not.toContain(added);
    expect([...first.rows.map((row) => row.customerId), ...rest]).toEqual(expectedOrder("newest"));
    expect(await ids(c.staff, {})).toContain(added);
    created.push({ id: added, createdAt: (await db.customer.findUniqueOrThrow({ where: { id: added } })).createdAt });
  });

  it("does not let another partner's staff use a cursor to reach that partner's customers", async () => {
    const first = await listCustomersForActor(c.staff, {});
    const borrowed = await listCustomersForActor(other.staff, {
      cursor: first.nextCursor!,
      partnerId: c.partnerId,
    });
    expect(borrowed.rows.every((row) => row.partnerName === other.name)).toBe(true);
    expect(borrowed.rows.some((row) => created.some((customer) => customer.id === row.customerId))).toBe(false);
  });

  it("treats a malformed cursor as the first page", async () => {
    const first = await ids(c.staff, {});
    expect(await ids(c.staff, { cursor: "not-a-cursor" })).toEqual(first);
  });
});

describe("another partner's ids are answered exactly like missing ones, and leave no trace", () => {
  let a: Awaited<ReturnType<typeof newPartnerWithStaff>>;
  let b: Awaited<ReturnType<typeof newPartnerWithStaff>>;
  let customerId: string;
  let fileIds: string[];
  let looseFileId: string;
  let draftId: string;
  let completedDraftId: string;

  const exampleSteps = () => exampleWizardSteps(newPartnerCustomerId());

  beforeAll(async () => {
    a = await newPartnerWithStaff("Alice Alder");
    b = await newPartnerWithStaff("Bob Birch");
    const documentId = await uploadedFileId(api.baseUrl, a.headers, SAMPLE_FILES.pdf);
    const frontId = await uploadedFileId(api.baseUrl, a.headers, SAMPLE_FILES.png);
    looseFileId = await uploadedFileId(api.baseUrl, a.headers, SAMPLE_FILES.jpeg);
    fileIds = [documentId, frontId];
    customerId = await newCustomer(a.partnerId, { files: { documentIds: [documentId], idFrontFileId: frontId } });
    draftId = await startDraft(a.staff);
    completedDraftId = await startDraft(a.staff);
    const steps = exampleSteps();
    for (const [version, step] of FORM_STEPS.entries()) {
      expect(await saveDraftStep(a.staff, completedDraftId, step, steps[step], version)).toEqual({
        version: version + 1,
      });
    }
  });

  /** Runs `check` and asserts it wrote no audit event, created no customer and changed no draft. */
  async function leavesNoTrace(check: () => Promise<void>): Promise<void> {
    const before = {
      events: await db.auditEvent.count(),
      customers: await db.customer.count(),
      drafts: await db.onboardingDraft.findMany({ orderBy: { id: "asc" } }),
      customer: await db.customer.findUniqueOrThrow({ where: { id: customerId } }),
    };
    await check();
    expect(await db.auditEvent.count()).toBe(before.events);
    expect(await db.customer.count()).toBe(before.customers);
    expect(await db.onboardingDraft.findMany({ orderBy: { id: "asc" } })).toEqual(before.drafts);
    expect(await db.customer.findUniqueOrThrow({ where: { id: customerId } })).toEqual(before.customer);
  }

  it("the ids are real: the owning partner's staff and a reviewer reach them", async () => {
    await expect(getCustomerForStaff(a.staff, customerId)).resolves.toMatchObject({
      customer: { customer_id: customerId },
    });
    await expect(getCustomerForStaff(reviewer, customerId)).resolves.toMatchObject({
      customer: { customer_id: customerId },
    });
    await expect(getPartnerCustomer(a.partnerId, customerId)).resolves.toMatchObject({ customer_id: customerId });
    for (const fileId of [...fileIds, looseFileId]) {
      const file = await readFileForActor(a.staff, fileId);
      file.content.destroy();
      expect(file.partnerId).toBe(a.partnerId);
    }
    await expect(getDraft(a.staff, draftId)).resolves.toMatchObject({ id: draftId });
  });

  it("getCustomerForStaff: not found for another partner's staff and an admin", async () => {
    await leavesNoTrace(async () => {
      const missing = await refusal(getCustomerForStaff(b.staff, MISSING_CUSTOMER));
      expect(missing).toMatchObject({ class: AppError.name, code: "not_found", status: 404 });
      expect(await refusal(getCustomerForStaff(b.staff, customerId))).toEqual(missing);
      expect(await refusal(getCustomerForStaff(admin, customerId))).toEqual(
        await refusal(getCustomerForStaff(admin, MISSING_CUSTOMER)),
      );
    });
  });

  it("getPartnerCustomer: the same 404 for another partner's customer as for a missing one", async () => {
    await leavesNoTrace(async () => {
      const missing = await refusal(getPartnerCustomer(b.partnerId, MISSING_CUSTOMER));
      expect(missing).toMatchObject({ class: AppError.name, code: "not_found", status: 404 });
      expect(await refusal(getPartnerCustomer(b.partnerId, customerId))).toEqual(missing);
    });
  });

  it("decideCustomer: refused for another partner's staff exactly as for a missing customer", async () => {
    await leavesNoTrace(async () => {
      for (const decision of ["approve", "reject", "suspend", "reactivate"]) {
        const input = { decision, reason: "Deciding.", expectedVersion: 0 };
        const missing = await refusal(decideCustomer(b.staff, { ...input, customerId: MISSING_CUSTOMER }));
        expect(missing).toMatchObject({ class: AppError.name, status: 403 });
        expect(await refusal(decideCustomer(b.staff, { ...input, customerId }))).toEqual(missing);
        expect(await refusal(decideCustomer(admin, { ...input, customerId }))).toEqual(
          await refusal(decideCustomer(admin, { ...input, customerId: MISSING_CUSTOMER })),
        );
      }
      // A reviewer is told a missing customer is missing.
      expect(
        await refusal(
          decideCustomer(reviewer, {
            customerId: MISSING_CUSTOMER,
            decision: "approve",
            reason: "Yes.",
            expectedVersion: 0,
          }),
        ),
      ).toMatchObject({ code: "not_found", status: 404 });
    });
  });

  it("revealIdNumber: refused for another partner's staff exactly as for a missing customer", async () => {
    await leavesNoTrace(async () => {
      const missing = await refusal(revealIdNumber(b.staff, MISSING_CUSTOMER, 0));
      expect(missing).toMatchObject({ class: AppError.name, status: 403 });
      expect(await refusal(revealIdNumber(b.staff, customerId, 0))).toEqual(missing);
      expect(await refusal(revealIdNumber(admin, customerId, 0))).toEqual(
        await refusal(revealIdNumber(admin, MISSING_CUSTOMER, 0)),
      );
      expect(await refusal(revealIdNumber(reviewer, MISSING_CUSTOMER, 0))).toMatchObject({
        code: "not_found",
        status: 404,
      });
    });
  });

  it("readFileForActor: not found for another partner's staff and an admin, as for a missing file", async () => {
    await leavesNoTrace(async () => {
      const missing = await refusal(readFileForActor(b.staff, MISSING_FILE));
      expect(missing).toMatchObject({ class: AppError.name, code: "not_found", status: 404 });
      for (const fileId of [...fileIds, looseFileId]) {
        expect(await refusal(readFileForActor(b.staff, fileId))).toEqual(missing);
        expect(await refusal(readFileForActor(admin, fileId))).toEqual(missing);
      }
    });
  });

  it("getDraft: not found for another partner's staff, a reviewer and an admin", async () => {
    await leavesNoTrace(async () => {
      const missing = await refusal(getDraft(b.staff, MISSING_DRAFT));
      expect(missing).toMatchObject(DRAFT_NOT_FOUND);
      for (const actor of [b.staff, reviewer, admin]) {
        expect(await refusal(getDraft(actor, draftId))).toEqual(missing);
        expect(await refusal(getDraft(actor, completedDraftId))).toEqual(missing);
      }
    });
  });

  it("saveDraftStep: not found for another partner's staff, and the draft is unchanged", async () => {
    const steps = exampleSteps();
    await leavesNoTrace(async () => {
      const missing = await refusal(saveDraftStep(b.staff, MISSING_DRAFT, "contact", steps.contact, 0));
      expect(missing).toMatchObject(DRAFT_NOT_FOUND);
      for (const step of FORM_STEPS) {
        expect(await refusal(saveDraftStep(b.staff, draftId, step, steps[step], 0))).toEqual(missing);
        expect(await refusal(saveDraftStep(b.staff, completedDraftId, step, steps[step], 5))).toEqual(missing);
      }
      expect(await refusal(saveDraftStep(reviewer, draftId, "contact", steps.contact, 0))).toEqual(missing);
    });
  });

  it("submitDraft: not found for another partner's staff, and no customer is created", async () => {
    await leavesNoTrace(async () => {
      const missing = await refusal(submitDraft(b.staff, MISSING_DRAFT));
      expect(missing).toMatchObject(DRAFT_NOT_FOUND);
      expect(await refusal(submitDraft(b.staff, completedDraftId))).toEqual(missing);
      expect(await refusal(submitDraft(reviewer, completedDraftId))).toEqual(missing);
      expect(await refusal(submitDraft(admin, completedDraftId))).toEqual(missing);
    });
    expect(await getDraft(a.staff, completedDraftId)).toMatchObject({ status: "open", customerId: null });
  });

  it("submitDraft: refuses a draft that refers to another partner's file as it refuses an unknown file", async () => {
    const submitWithFront = async (fileId: string) => {
      const ownDraft = await startDraft(b.staff);
      const steps = exampleSteps();
      const people = steps.representatives.business_person_list as { identification: Record<string, unknown> }[];
      people[0].identification.id_document_front_file_id = fileId;
      for (const [version, step] of FORM_STEPS.entries()) {
        await saveDraftStep(b.staff, ownDraft, step, steps[step], version);
      }
      return refusal(submitDraft(b.staff, ownDraft));
    };
    const events = await db.auditEvent.count();
    const unknown = await submitWithFront(MISSING_FILE);
    expect(unknown).toMatchObject({
      code: "validation_error",
      details: [{ field: "business_person_list.0.identification.id_document_front_file_id", code: "file_not_found" }],
    });
    expect(await submitWithFront(fileIds[1])).toEqual(unknown);
    expect(await db.auditEvent.count()).toBe(events);
    expect(await db.customer.count({ where: { partnerId: b.partnerId } })).toBe(0);
  });
});
