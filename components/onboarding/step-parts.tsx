/**
 * What the wizard's step forms share: their props, the documents they know and the section frame.
 * Each step is a module of its own (company-step.tsx, …), loaded by steps.tsx only on its page.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { DefaultValues } from "react-hook-form";
import type { z } from "zod";
import type { PickerOption } from "@/lib/customers/picker-option";
import type { STEP_SCHEMAS } from "@/lib/onboarding/steps";
import type { DraftOnPage } from "./draft-actions";
import type { UploadedDocument } from "./document-upload";
import type { StepFormOptions } from "./step-form";

export type StepValues<S extends keyof typeof STEP_SCHEMAS> = z.input<(typeof STEP_SCHEMAS)[S]>;

export interface StepProps<S extends keyof typeof STEP_SCHEMAS> {
  draft: DraftOnPage;
  defaultValues: DefaultValues<StepValues<S>>;
  /** Optional: the step used outside the wizard (see StepFormOptions). */
  options?: StepFormOptions;
}

export interface PickerLists {
  countries: PickerOption[];
  currencies: PickerOption[];
  industries: PickerOption[];
}

export type KnownFiles = Record<string, UploadedDocument>;

/** The documents the form can name and preview: those of the saved draft, then each new upload. */
export function useKnownFiles(initial: KnownFiles) {
  const t = useTranslations("wizard.upload");
  const [known, setKnown] = useState(initial);
  const remember = (document: UploadedDocument) => setKnown((current) => ({ ...current, [document.fileId]: document }));
  const describe = (fileId: string): UploadedDocument =>
    known[fileId] ?? { fileId, fileName: t("uploadedDocument"), contentType: "", size: 0 };
  return { remember, describe };
}

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-sm font-semibold text-slate-900">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
