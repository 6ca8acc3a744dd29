"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { formResult } from "@/lib/forms/form-result";
import { currentDraftVersion, discardDraft, saveDraftStep, startDraft, submitDraft } from "@/lib/onboarding/drafts";
import type { FormStep } from "@/lib/onboarding/steps";

export async function startDraftAction(): Promise<void> {
  const user = await requirePermission("onboarding:use");
  const draftId = await startDraft(user);
  redirect(`/onboarding/${draftId}/company`);
}

export async function saveStepAction(draftId: string, step: FormStep, values: unknown, loadedVersion: number) {
  const user = await requirePermission("onboarding:use");
  const result = await formResult(() => saveDraftStep(user, draftId, step, values, loadedVersion));
  // The router keeps the pages this tab has shown, for Back and Forward. Revalidating from an
  // action drops them, so Back shows this draft as saved, not as it was when the page was shown.
  if (result.ok) revalidatePath(`/onboarding/${draftId}`, "layout");
  return result;
}

export async function submitDraftAction(draftId: string, reviewedVersion: number) {
  const user = await requirePermission("onboarding:use");
  return formResult(() => submitDraft(user, draftId, reviewedVersion));
}

export async function draftVersionAction(draftId: string) {
  const user = await requirePermission("onboarding:use");
  return formResult(async () => ({ version: await currentDraftVersion(user, draftId) }));
}

export async function discardDraftAction(draftId: string) {
  const user = await requirePermission("onboarding:use");
  const result = await formResult(async () => {
    await discardDraft(user, draftId);
    return {};
  });
  if (result.ok) revalidatePath("/onboarding");
  return result;
}
