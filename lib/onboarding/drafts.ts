import "server-only";
import crypto from "node:crypto";
import { userAuditActor, type AuditActor } from "@/lib/audit/audit-events";
import { canEditDraft, type Actor } from "@/lib/auth/permissions";
import { isSealed, seal, unseal } from "@/lib/crypto/personal-data";
import { createCustomer, IdempotencyRaceLost } from "@/lib/customers/create-customer";
import { db, type Prisma } from "@/lib/db";
import { AppError, fieldErrorsFromZod, validationError } from "@/lib/errors";
import { findStoredResponse } from "@/lib/idempotency/idempotency-keys";
import { hasIdShape, newId } from "@/lib/ids";
import { FORM_STEPS, STEP_SCHEMAS, type FormStep } from "./steps";

export type DraftData = Record<string, unknown>;

/**
 * The business itself, filling its own draft through a hosted onboarding link
 * (lib/onboarding-links/): it may reach that one draft and nothing else.
 */
export interface LinkEditor {
  onboardingLinkId: string;
  partnerId: string;
  /** How the audit trail names it: "Business via onboarding link olink_…". */
  label: string;
}

/** Who works on a draft: partner staff (an Actor), or the business through its onboarding link. */
export type DraftEditor = Actor | LinkEditor;

function isLinkEditor(editor: DraftEditor): editor is LinkEditor {
  return "onboardingLinkId" in editor;
}

/**
 * Staff reach their partner's staff drafts; a link reaches only the draft it opened. A link's
 * draft is the business's own form: partner staff do not open it in the portal.
 */
function mayEdit(editor: DraftEditor, row: { partnerId: string; onboardingLinkId: string | null }): boolean {
  if (isLinkEditor(editor))
    return row.onboardingLinkId === editor.onboardingLinkId && row.partnerId === editor.partnerId;
  return row.onboardingLinkId === null && canEditDraft(editor, row.partnerId);
}

function auditActorOf(editor: DraftEditor & { name?: string; email?: string }): AuditActor {
  return isLinkEditor(editor)
    ? { type: "system", id: editor.onboardingLinkId, label: editor.label }
    : userAuditActor(editor);
}

function editorUserId(editor: DraftEditor): string | null {
  return isLinkEditor(editor) ? null : editor.userId;
}

/** Who last saved a link's draft, as the drafts list would show it. */
export const LINK_EDITOR_NAME = "The business (onboarding link)";

export type DraftStatus = "open" | "submitting" | "submitted";

export interface Draft {
  id: string;
  partnerId: string;
  /** open, then submitting while createCustomer runs (no step may change it), then submitted. */
  status: DraftStatus;
  /** The form as entered; empty once submitted (the customer record holds it then). */
  data: DraftData;
  completedSteps: FormStep[];
  customerId: string | null;
  /** Bumped on every write; a step saved from a page loaded at an older version is refused. */
  version: number;
  updatedAt: Date;
  updatedByName: string;
}

/**
 * The form as entered holds ID numbers, so it is stored sealed. Drafts written before sealing
 * hold plain JSON; they still open, and are sealed on their next save.
 */
function openData(draftId: string, stored: string): DraftData {
  return JSON.parse(isSealed(stored) ? unseal(stored, "draft", draftId) : stored) as DraftData;
}

function sealData(draftId: string, data: DraftData): string {
  return seal(JSON.stringify(data), "draft", draftId);
}

function statusOf(stored: string): DraftStatus {
  return stored === "submitted" || stored === "submitting" ? stored : "open";
}

function toDraft(row: {
  id: string;
  partnerId: string;
  status: string;
  data: string;
  completedSteps: string[];
  customerId: string | null;
  version: number;
  updatedAt: Date;
  updatedBy: { name: string } | null;
}): Draft {
  return {
    id: row.id,
    partnerId: row.partnerId,
    status: statusOf(row.status),
    data: openData(row.id, row.data),
    completedSteps: row.completedSteps.filter((step): step is FormStep =>
      (FORM_STEPS as readonly string[]).includes(step),
    ),
    customerId: row.customerId,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedBy?.name ?? LINK_EDITOR_NAME,
  };
}

/** Every file id a draft refers to, wherever it sits. */
export function draftFileIds(data: DraftData): string[] {
  const business = data.business_details as { business_identifier_document_list?: unknown } | undefined;
  const documents = Array.isArray(business?.business_identifier_document_list)
    ? business.business_identifier_document_list
    : [];
  const people = Array.isArray(data.business_person_list) ? data.business_person_list : [];
  const idDocuments = people.flatMap((person: { identification?: Record<string, unknown> }) => [
    person.identification?.id_document_front_file_id,
    person.identification?.id_document_back_file_id,
  ]);
  return [...documents, ...idDocuments].filter((id): id is string => typeof id === "string" && id !== "");
}

const draftInclude = { updatedBy: { select: { name: true } } } as const;

// Another partner's draft is answered exactly like a missing one: its existence is not theirs to know.
const draftNotFound = () => new AppError("not_found", 404, "noSuchDraft");

function draftNotOpen(status: DraftStatus): AppError {
  return new AppError("draft_not_open", 409, status === "submitting" ? "draftBeingSubmitted" : "draftSubmitted");
}

const staleDraft = () => new AppError("conflict", 409, "draftChangedElsewhere");

/** Starts a draft for the actor's partner, with a partner_customer_id the person may change. */
export async function startDraft(actor: Actor): Promise<string> {
  if (!actor.partnerId || !canEditDraft(actor, actor.partnerId)) throw new AppError("forbidden", 403, "notAllowed");
  const id = newId("drf");
  await db.onboardingDraft.create({
    data: {
      id,
      partnerId: actor.partnerId,
      data: sealData(id, { partner_customer_id: `onboarding-${id.slice(4)}` }),
      createdById: actor.userId,
      updatedById: actor.userId,
    },
  });
  return id;
}

/**
 * Writes the draft of an onboarding link, in the transaction that opens the link: the business's
 * own form, owned by the link rather than by a staff member. Returns its id.
 */
export async function startLinkDraft(
  tx: Prisma.TransactionClient,
  link: { onboardingLinkId: string; partnerId: string },
  data: DraftData,
): Promise<string> {
  const id = newId("drf");
  await tx.onboardingDraft.create({
    data: { id, partnerId: link.partnerId, onboardingLinkId: link.onboardingLinkId, data: sealData(id, data) },
  });
  return id;
}

/** A draft the actor may work on; throws not_found for a missing or another partner's draft. */
export async function getDraft(actor: DraftEditor, draftId: string): Promise<Draft> {
  const row = hasIdShape("drf", draftId)
    ? await db.onboardingDraft.findUnique({ where: { id: draftId }, include: draftInclude })
    : null;
  if (!row || !mayEdit(actor, row)) throw draftNotFound();
  return toDraft(row);
}

/** What deciding about a draft needs, without opening its sealed data. */
async function draftState(actor: DraftEditor, draftId: string) {
  const row = hasIdShape("drf", draftId)
    ? await db.onboardingDraft.findUnique({
        where: { id: draftId },
        select: { id: true, partnerId: true, status: true, customerId: true, version: true, onboardingLinkId: true },
      })
    : null;
  if (!row || !mayEdit(actor, row)) throw draftNotFound();
  return { ...row, status: statusOf(row.status) };
}

/** The draft's version as stored now, so a page can tell it shows an older one. */
export async function currentDraftVersion(actor: DraftEditor, draftId: string): Promise<number> {
  return (await draftState(actor, draftId)).version;
}

/** How many open drafts the drafts list shows, the most recently changed first. */
export const OPEN_DRAFTS_SHOWN = 50;

export async function listOpenDrafts(actor: Actor): Promise<Draft[]> {
  if (!actor.partnerId || !canEditDraft(actor, actor.partnerId)) return [];
  const rows = await db.onboardingDraft.findMany({
    where: { partnerId: actor.partnerId, status: "open", onboardingLinkId: null },
    orderBy: { updatedAt: "desc" },
    take: OPEN_DRAFTS_SHOWN,
    include: draftInclude,
  });
  return rows.map(toDraft);
}

/**
 * Discards an open staff draft: the row goes, and its sealed form with it (nothing of what was
 * entered is kept). The files it uploaded stay the partner's, as an API upload does: a file id
 * may be listed by another draft or a customer too, and a file no customer lists is never shown
 * to anyone but its partner. A draft being submitted, or submitted, is not the actor's to discard.
 */
export async function discardDraft(actor: Actor, draftId: string): Promise<void> {
  const draft = await draftState(actor, draftId);
  if (draft.status !== "open") throw draftNotOpen(draft.status);
  // The status in the WHERE clause holds against a submit that froze the draft meanwhile.
  const { count } = await db.onboardingDraft.deleteMany({
    where: { id: draft.id, status: "open", customerId: null, onboardingLinkId: null },
  });
  if (count === 0) {
    const now = await db.onboardingDraft.findUnique({ where: { id: draft.id }, select: { status: true } });
    if (now) throw draftNotOpen(statusOf(now.status));
  }
}

function isFormStep(step: unknown): step is FormStep {
  return typeof step === "string" && (FORM_STEPS as readonly string[]).includes(step);
}

/**
 * Validates one step with the API's section schema and keeps what was entered. `loadedVersion`
 * is the draft's version when the page was loaded: a save from a page older than the stored
 * draft is refused (conflict), never applied over newer data. Returns the draft's new version.
 */
export async function saveDraftStep(
  actor: DraftEditor,
  draftId: string,
  step: FormStep,
  values: unknown,
  loadedVersion: number,
): Promise<{ version: number }> {
  // A server action passes whatever the browser sent.
  if (!isFormStep(step)) throw validationError([], "unknownStep");
  if (!Number.isSafeInteger(loadedVersion)) throw validationError([], "pageWithoutVersion");
  const draft = await draftState(actor, draftId);
  if (draft.status !== "open") throw draftNotOpen(draft.status);
  const parsed = STEP_SCHEMAS[step].safeParse(values);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), "fieldsNeedAttention");
  // Read, merge and write in one transaction. The version in the update's WHERE clause holds
  // across processes: of two saves from pages loaded at one version, exactly one applies. What
  // was entered is kept, not the normalised output, so the form shows it as typed.
  return db.$transaction(async (tx) => {
    const current = await tx.onboardingDraft.findUniqueOrThrow({
      where: { id: draftId },
      select: { status: true, data: true, completedSteps: true, version: true },
    });
    if (current.status !== "open") throw draftNotOpen(statusOf(current.status));
    if (current.version !== loadedVersion) throw staleDraft();
    const data = { ...openData(draftId, current.data), ...(values as DraftData) };
    const completed = [...new Set([...current.completedSteps, step])];
    const { count } = await tx.onboardingDraft.updateMany({
      where: { id: draftId, status: "open", version: loadedVersion },
      data: {
        data: sealData(draftId, data),
        completedSteps: completed,
        version: { increment: 1 },
        updatedById: editorUserId(actor),
      },
    });
    if (count === 0) throw staleDraft();
    return { version: loadedVersion + 1 };
  });
}

/**
 * Submits a draft through the same createCustomer as the API, for the actor's partner. The
 * draft's id is its idempotency key, so a double click, a retry or a second tab creates one
 * customer. A refusal (invalid or missing sections, a partner_customer_id in use) throws the
 * AppError createCustomer threw, and the draft opens again for corrections.
 */
export async function submitDraft(
  actor: DraftEditor & { name?: string; email?: string },
  draftId: string,
  /** The version the person reviewed; when another tab saved a step since, nothing is submitted. */
  reviewedVersion?: number,
): Promise<{ customerId: string }> {
  const draft = await draftState(actor, draftId);
  if (draft.customerId) return { customerId: draft.customerId };
  // Freeze the draft first: from here no step saved in another tab can change what is submitted.
  const frozen = await db.$transaction(async (tx) => {
    // The row is locked before it is read: the update below writes no version or status check,
    // so under READ COMMITTED a step saved (or a freeze made) between this read and that update
    // would be overwritten, and the customer made from what was read, losing a save that was
    // acknowledged. Locked, a save in flight commits first and is read here (and a second submit
    // waits for the first freeze, then finds the draft submitting).
    await tx.$queryRaw`SELECT id FROM "OnboardingDraft" WHERE id = ${draft.id} FOR UPDATE`;
    const current = await tx.onboardingDraft.findUniqueOrThrow({
      where: { id: draft.id },
      select: { status: true, data: true, customerId: true, version: true },
    });
    // Only an open draft can be stale: a second click on a draft already being submitted (its
    // version bumped by the first) is the same submission, answered with the same customer.
    if (current.status === "open" && reviewedVersion !== undefined && current.version !== reviewedVersion) {
      throw new AppError("conflict", 409, "draftChangedSinceReview");
    }
    if (current.status === "open") {
      await tx.onboardingDraft.update({
        where: { id: draft.id },
        data: { status: "submitting", version: { increment: 1 } },
      });
      return { ...current, frozenVersion: current.version + 1 };
    }
    return { ...current, frozenVersion: current.version };
  });
  if (frozen.customerId) return { customerId: frozen.customerId };
  // Reopens this freeze only: a slow second click must not reopen a later one (the draft
  // reopened, corrected and submitted again meanwhile).
  const reopen = () =>
    db.onboardingDraft.updateMany({
      where: { id: draft.id, status: "submitting", customerId: null, version: frozen.frozenVersion },
      data: { status: "open", version: { increment: 1 } },
    });
  const data = openData(draft.id, frozen.data);
  const json = JSON.stringify(data);
  const claim = {
    partnerId: draft.partnerId,
    // Its own namespace: no partner's Idempotency-Key header can name a draft's submission.
    scope: "draft" as const,
    key: draft.id,
    requestHash: crypto.createHash("sha256").update(json).digest("hex"),
  };
  let customerId: string;
  try {
    const customer = await createCustomer(
      data,
      { partnerId: draft.partnerId, actor: auditActorOf(actor) },
      { idempotency: claim },
    );
    customerId = customer.customer_id;
  } catch (error) {
    if (!(error instanceof IdempotencyRaceLost)) {
      await reopen();
      throw error;
    }
    const stored = await findStoredResponse(claim);
    if (!stored) throw error;
    customerId = (JSON.parse(stored.body) as { customer_id: string }).customer_id;
  }
  // The customer record now holds the form (its ID numbers once, not twice): the draft keeps
  // only which customer it became.
  await db.onboardingDraft.updateMany({
    where: { id: draft.id, customerId: null },
    data: {
      status: "submitted",
      customerId,
      data: "{}",
      version: { increment: 1 },
      updatedById: editorUserId(actor),
    },
  });
  return { customerId };
}
