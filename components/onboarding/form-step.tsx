import type { StepPickers } from "@/lib/customers/picker-option";
import type { FormStep } from "@/lib/onboarding/wizard-steps";
import type { DraftOnPage } from "./draft-actions";
import type { StepFormOptions } from "./step-form";
import type { KnownFiles } from "./step-parts";
import { AddressStep, CompanyStep, ContactStep, EMPTY_PERSON, RepresentativesStep, UsageStep } from "./steps";

/**
 * One of the wizard's five form steps, prefilled from `sections` (a draft's data, or a customer's
 * sections as the forms hold them): the one place that knows which form shows which sections, for
 * the staff wizard, the hosted form and both ways of fixing a customer.
 */
export function FormStepFields({
  step,
  sections,
  draft,
  files,
  pickers,
  options,
}: {
  step: FormStep;
  sections: Record<string, unknown>;
  draft: DraftOnPage;
  files: KnownFiles;
  pickers: StepPickers;
  options?: StepFormOptions;
}) {
  // Saved sections as entered; each form's resolver checks them again before anything is saved.
  const value = (name: string) => sections[name] as never;
  switch (step) {
    case "company":
      return (
        <CompanyStep
          draft={draft}
          options={options}
          defaultValues={{
            partner_customer_id: value("partner_customer_id"),
            business_details: {
              business_identifier_document_list: [],
              ...(sections.business_details as Record<string, never> | undefined),
            },
          }}
          countries={pickers.countries}
          files={files}
        />
      );
    case "address":
      return (
        <AddressStep
          draft={draft}
          options={options}
          defaultValues={{ registration_address: value("registration_address") }}
          countries={pickers.countries}
        />
      );
    case "usage":
      return (
        <UsageStep
          draft={draft}
          options={options}
          defaultValues={{ account_usage: value("account_usage") }}
          countries={pickers.countries}
          currencies={pickers.currencies}
          industries={pickers.industries}
        />
      );
    case "contact":
      return (
        <ContactStep
          draft={draft}
          options={options}
          defaultValues={{ primary_contact: value("primary_contact") }}
          phoneCountries={pickers.phoneCountries}
          defaultPhoneCountry={pickers.defaultPhoneCountry}
        />
      );
    case "representatives":
      return (
        <RepresentativesStep
          draft={draft}
          options={options}
          defaultValues={{ business_person_list: value("business_person_list") ?? [EMPTY_PERSON] }}
          countries={pickers.countries}
          files={files}
        />
      );
  }
}
