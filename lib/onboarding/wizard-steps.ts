/**
 * The wizard's steps: their order (as codes, `slug`) and which step shows a field. No schemas here, so the
 * browser's wizard pages (progress, navigation, the review step) load none of the validation code;
 * each step's schema is in ./steps (STEP_SCHEMAS), loaded by a form only when it validates.
 */
export type FormStep = "company" | "address" | "usage" | "contact" | "representatives";
export type WizardStep = FormStep | "review";

/**
 * The steps in order. A step is named (and described) in the reader's language by the `wizard`
 * catalog: `wizard.steps.<slug>.title` / `.description`.
 */
export const WIZARD_STEPS: readonly { slug: WizardStep }[] = [
  { slug: "company" },
  { slug: "address" },
  { slug: "usage" },
  { slug: "contact" },
  { slug: "representatives" },
  { slug: "review" },
];

export const FORM_STEPS = WIZARD_STEPS.map((step) => step.slug).filter((slug): slug is FormStep => slug !== "review");

export function isWizardStep(value: string): value is WizardStep {
  return WIZARD_STEPS.some((step) => step.slug === value);
}

export function stepAfter(step: WizardStep): WizardStep {
  const index = WIZARD_STEPS.findIndex((candidate) => candidate.slug === step);
  return WIZARD_STEPS[Math.min(index + 1, WIZARD_STEPS.length - 1)].slug;
}

export function stepBefore(step: WizardStep): WizardStep | null {
  const index = WIZARD_STEPS.findIndex((candidate) => candidate.slug === step);
  return index > 0 ? WIZARD_STEPS[index - 1].slug : null;
}

const STEP_OF_SECTION: Record<string, FormStep> = {
  partner_customer_id: "company",
  business_details: "company",
  registration_address: "address",
  account_usage: "usage",
  primary_contact: "contact",
  business_person_list: "representatives",
};

/** The step that shows a field, from its API path (`business_person_list.0.basic_info.birth_date`). */
export function stepOfField(field: string): FormStep {
  return STEP_OF_SECTION[field.split(".")[0]] ?? "company";
}

/**
 * Where a step sits, counted as everywhere in the portal: six steps, the review the sixth
 * ("Step 6 of 6"), in the progress bar, a step's heading and the drafts list alike.
 */
export function stepPosition(step: WizardStep): { number: number; of: number } {
  const index = WIZARD_STEPS.findIndex((candidate) => candidate.slug === step);
  return { number: index + 1, of: WIZARD_STEPS.length };
}

/** The step a draft continues at: its first step not saved yet, else the review. */
export function resumeStep(completed: readonly FormStep[]): WizardStep {
  return FORM_STEPS.find((step) => !completed.includes(step)) ?? "review";
}
