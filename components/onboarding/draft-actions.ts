/**
 * The server actions the wizard's client components call, handed to them by the page (components
 * never import from app/). Browser-safe: types only.
 */
import type { FormFailure } from "@/lib/forms/form-failure";
import type { FormStep } from "@/lib/onboarding/steps";

export type SaveStepAction = (
  draftId: string,
  step: FormStep,
  values: unknown,
  loadedVersion: number,
) => Promise<{ ok: true; version: number } | FormFailure>;

export type SubmitDraftAction = (
  draftId: string,
  reviewedVersion: number,
) => Promise<{ ok: true; customerId: string } | FormFailure>;

export type DraftVersionAction = (draftId: string) => Promise<{ ok: true; version: number } | FormFailure>;

/** The draft a step form edits, at the version the page shows, and how to save a step of it. */
export interface DraftOnPage {
  id: string;
  version: number;
  saveStep: SaveStepAction;
}

export type DiscardDraftAction = (draftId: string) => Promise<{ ok: true } | FormFailure>;
