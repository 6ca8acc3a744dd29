"use server";

import { revalidatePath } from "next/cache";
import { linkSessionOfRequest } from "@/lib/auth/link-session";
import { formResult } from "@/lib/forms/form-result";
import {
  finishUpdateLink,
  linkDraftVersion,
  saveLinkStep,
  saveLinkUpdateStep,
  submitLink,
} from "@/lib/onboarding-links/links";
import type { FormStep } from "@/lib/onboarding/steps";

// The business's wizard: the same draft functions as the staff wizard, for the link session's
// own draft only (any other draft id is not found to it).

export async function saveLinkStepAction(draftId: string, step: FormStep, values: unknown, loadedVersion: number) {
  const session = await linkSessionOfRequest();
  const result = await formResult(() => saveLinkStep(session, draftId, step, values, loadedVersion));
  if (result.ok) revalidatePath("/onboard/session", "layout");
  return result;
}

export async function submitLinkAction(draftId: string, reviewedVersion: number) {
  const session = await linkSessionOfRequest();
  return formResult(() => submitLink(session, draftId, reviewedVersion));
}

export async function linkDraftVersionAction(draftId: string) {
  const session = await linkSessionOfRequest();
  return formResult(async () => ({ version: await linkDraftVersion(session, draftId) }));
}

/** A due step of an update link's customer; the id the form names is ignored: the session's customer is the one. */
export async function saveLinkUpdateStepAction(
  _customerId: string,
  step: FormStep,
  values: unknown,
  loadedVersion: number,
) {
  const session = await linkSessionOfRequest();
  const result = await formResult(() => saveLinkUpdateStep(session, step, values, loadedVersion));
  if (result.ok) revalidatePath("/onboard/session", "layout");
  return result;
}

/** "Done" on an update link: the link is submitted, whatever is still due; the page then leaves for /onboard/session/done. */
export async function finishUpdateLinkAction() {
  const session = await linkSessionOfRequest();
  return formResult(async () => {
    await finishUpdateLink(session);
    return {};
  });
}
