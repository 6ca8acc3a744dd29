"use server";

import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { saveDraftStep, startDraft, submitDraft, type StepResult, type SubmitResult } from "@/lib/onboarding/drafts";
import { FORM_STEPS, type FormStep } from "@/lib/onboarding/steps";

export async function startDraftAction(): Promise<void> {
  const user = await requirePermission("onboarding:use");
  const draftId = await startDraft(user);
  redirect(`/onboarding/${draftId}/company`);
}

export async function saveStepAction(draftId: string, step: FormStep, values: unknown): Promise<StepResult> {
  const user = await requirePermission("onboarding:use");
  if (!FORM_STEPS.includes(step)) return { ok: false, message: "Unknown step.", fieldErrors: [] };
  return saveDraftStep(user, draftId, step, values);
}

export async function submitDraftAction(draftId: string): Promise<SubmitResult> {
  const user = await requirePermission("onboarding:use");
  return submitDraft(user, draftId);
}
