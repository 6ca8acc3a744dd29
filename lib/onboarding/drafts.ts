import "server-only";
import crypto from "node:crypto";
import { notFound } from "next/navigation";
import { userAuditActor } from "@/lib/audit/audit-events";
import { canEditDraft, type Actor } from "@/lib/auth/permissions";
import { createCustomer, IdempotencyRaceLost } from "@/lib/customers/create-customer";
import { db } from "@/lib/db";
import { AppError, fieldErrorsFromZod, type FieldError } from "@/lib/errors";
import { findStoredResponse } from "@/lib/idempotency/idempotency-keys";
import { hasIdShape, newId } from "@/lib/ids";
import { FORM_STEPS, STEP_SCHEMAS, type FormStep } from "./steps";

export type DraftData = Record<string, unknown>;

export interface Draft {
  id: string;
  partnerId: string;
  /** open, then submitting while createCustomer runs (no step may change it), then submitted. */
  status: "open" | "submitting" | "submitted";
  data: DraftData;
  completedSteps: FormStep[];
  customerId: string | null;
  updatedAt: Date;
  updatedByName: string;
}

function toDraft(row: {
  id: string;
  partnerId: string;
  status: string;
  data: string;
  completedSteps: string;
  customerId: string | null;
  updatedAt: Date;
  updatedBy: { name: string };
}): Draft {
  return {
    id: row.id,
    partnerId: row.partnerId,
    status: row.status === "submitted" || row.status === "submitting" ? row.status : "open",
    data: JSON.parse(row.data) as DraftData,
    completedSteps: (JSON.parse(row.completedSteps) as string[]).filter((step): step is FormStep =>
      (FORM_STEPS as readonly string[]).includes(step),
    ),
    customerId: row.customerId,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedBy.name,
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

/** Starts a draft for the actor's partner, with a partner_customer_id the person may change. */
export async function startDraft(actor: Actor): Promise<string> {
  if (!actor.partnerId || !canEditDraft(actor, actor.partnerId)) throw new AppError("forbidden", 403, "Not allowed.");
  const id = newId("drf");
  await db.onboardingDraft.create({
    data: {
      id,
      partnerId: actor.partnerId,
      data: JSON.stringify({ partner_customer_id: `onboarding-${id.slice(4)}` }),
      createdById: actor.userId,
      updatedById: actor.userId,
    },
  });
  return id;
}

/**
 * A draft the actor may work on. Another partner's draft is answered exactly like a missing one.
 */
export async function getDraft(actor: Actor, draftId: string): Promise<Draft> {
  const row = hasIdShape("drf", draftId)
    ? await db.onboardingDraft.findUnique({ where: { id: draftId }, include: draftInclude })
    : null;
  if (!row || !canEditDraft(actor, row.partnerId)) notFound();
  return toDraft(row);
}

export async function listOpenDrafts(actor: Actor): Promise<Draft[]> {
  if (!actor.partnerId || !canEditDraft(actor, actor.partnerId)) return [];
  const rows = await db.onboardingDraft.findMany({
    where: { partnerId: actor.partnerId, status: "open" },
    orderBy: { updatedAt: "desc" },
    take: 50,
    include: draftInclude,
  });
  return rows.map(toDraft);
}

const NOT_OPEN = "This onboarding was already submitted.";

export type StepResult = { ok: true } | { ok: false; message: string; fieldErrors: FieldError[] };

/** Validates one step with the API's section schema and keeps what was entered. */
export async function saveDraftStep(
  actor: Actor,
  draftId: string,
  step: FormStep,
  values: unknown,
): Promise<StepResult> {
  const draft = await getDraft(actor, draftId);
  if (draft.status !== "open") return { ok: false, message: NOT_OPEN, fieldErrors: [] };
  const parsed = STEP_SCHEMAS[step].safeParse(values);
  if (!parsed.success) {
    return { ok: false, message: "Some fields need your attention.", fieldErrors: fieldErrorsFromZod(parsed.error) };
  }
  // Read, merge and write in one transaction, so that two steps saved at once (two tabs, two
  // colleagues) both survive. What was entered is kept, not the normalised output, so the form
  // shows it as typed.
  const saved = await db.$transaction(async (tx) => {
    const current = await tx.onboardingDraft.findUnique({
      where: { id: draftId },
      select: { status: true, data: true, completedSteps: true },
    });
    if (!current || current.status !== "open") return false;
    const data = { ...(JSON.parse(current.data) as DraftData), ...(values as DraftData) };
    const completed = [...new Set([...(JSON.parse(current.completedSteps) as string[]), step])];
    await tx.onboardingDraft.update({
      where: { id: draftId },
      data: { data: JSON.stringify(data), completedSteps: JSON.stringify(completed), updatedById: actor.userId },
    });
    return true;
  });
  if (!saved) return { ok: false, message: NOT_OPEN, fieldErrors: [] };
  return { ok: true };
}

export type SubmitResult = { ok: true; customerId: string } | { ok: false; message: string; fieldErrors: FieldError[] };

/**
 * Submits a draft through the same createCustomer as the API, for the actor's partner. The
 * draft's id is its idempotency key, so a double click, a retry or a second tab creates one customer.
 */
export async function submitDraft(
  actor: Actor & { name?: string; email?: string },
  draftId: string,
): Promise<SubmitResult> {
  const draft = await getDraft(actor, draftId);
  if (draft.customerId) return { ok: true, customerId: draft.customerId };
  // Freeze the draft first: from here no step saved in another tab can change what is submitted.
  const frozen = await db.$transaction(async (tx) => {
    const current = await tx.onboardingDraft.findUniqueOrThrow({
      where: { id: draft.id },
      select: { status: true, data: true, customerId: true },
    });
    if (current.status === "open") {
      await tx.onboardingDraft.update({ where: { id: draft.id }, data: { status: "submitting" } });
    }
    return current;
  });
  if (frozen.customerId) return { ok: true, customerId: frozen.customerId };
  const reopen = () =>
    db.onboardingDraft.updateMany({
      where: { id: draft.id, status: "submitting", customerId: null },
      data: { status: "open" },
    });
  const data = JSON.parse(frozen.data) as DraftData;
  const claim = {
    partnerId: draft.partnerId,
    // Its own namespace: no partner's Idempotency-Key header can name a draft's submission.
    scope: "draft" as const,
    key: draft.id,
    requestHash: crypto.createHash("sha256").update(frozen.data).digest("hex"),
  };
  let customerId: string;
  try {
    const customer = await createCustomer(
      data,
      { partnerId: draft.partnerId, actor: userAuditActor(actor) },
      { idempotency: claim },
    );
    customerId = customer.customer_id;
  } catch (error) {
    if (error instanceof IdempotencyRaceLost) {
      const stored = await findStoredResponse(claim);
      if (!stored) throw error;
      customerId = (JSON.parse(stored.body) as { customer_id: string }).customer_id;
    } else {
      await reopen();
      if (error instanceof AppError && error.status < 500) {
        return { ok: false, message: error.message, fieldErrors: error.details };
      }
      throw error;
    }
  }
  await db.onboardingDraft.updateMany({
    where: { id: draft.id, customerId: null },
    data: { status: "submitted", customerId, updatedById: actor.userId },
  });
  return { ok: true, customerId };
}
