/**
 * The wizard's steps, each validated by the API's own section schema(s). Browser-safe: the forms
 * validate with these, and the server validates the same values again.
 */
import { z } from "zod";
import {
  accountUsageSchema,
  businessDetailsSchema,
  businessPersonListSchema,
  partnerCustomerIdSchema,
  primaryContactSchema,
  registrationAddressSchema,
} from "@/lib/customers/schema";

export const STEP_SCHEMAS = {
  company: z.strictObject({ partner_customer_id: partnerCustomerIdSchema, business_details: businessDetailsSchema }),
  address: z.strictObject({ registration_address: registrationAddressSchema }),
  usage: z.strictObject({ account_usage: accountUsageSchema }),
  contact: z.strictObject({ primary_contact: primaryContactSchema }),
  representatives: z.strictObject({ business_person_list: businessPersonListSchema }),
} as const;

export type FormStep = keyof typeof STEP_SCHEMAS;
export type WizardStep = FormStep | "review";

export const WIZARD_STEPS: readonly { slug: WizardStep; title: string; description: string }[] = [
  { slug: "company", title: "Company", description: "Business details and registration documents" },
  { slug: "address", title: "Registration address", description: "Where the business is registered" },
  { slug: "usage", title: "Account usage", description: "What the business sells and expects to process" },
  { slug: "contact", title: "Primary contact", description: "Who AxisFI can reach" },
  {
    slug: "representatives",
    title: "Legal representatives",
    description: "People who represent the business, with ID",
  },
  { slug: "review", title: "Review and submit", description: "Check everything, then submit" },
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
