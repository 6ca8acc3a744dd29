"use client";

import { useTranslations } from "next-intl";
import type { PhoneCountry } from "@/lib/customers/phone";
import { TextField } from "./form-fields";
import { PhoneField } from "./phone-field";
import { StepForm } from "./step-form";
import { Section, type StepProps, type StepValues } from "./step-parts";

export function ContactStep({
  draft,
  defaultValues,
  options,
  phoneCountries,
  defaultPhoneCountry,
}: StepProps<"contact"> & {
  /** The phone's country selector, whose calling code completes a national number. */
  phoneCountries: PhoneCountry[];
  /** Its first choice (e.g. the registration country). */
  defaultPhoneCountry?: string;
}) {
  const t = useTranslations("wizard");
  const f = useTranslations("fields");
  return (
    <StepForm<StepValues<"contact">> draft={draft} step="contact" defaultValues={defaultValues} options={options}>
      {(form) => (
        <Section title={t("sections.primaryContact")}>
          <TextField
            form={form}
            name="primary_contact.contact_email"
            label={f("primary_contact.contact_email")}
            type="email"
            inputMode="email"
            autoComplete="email"
            required
            className="sm:col-span-2"
          />
          <PhoneField
            form={form}
            name="primary_contact.contact_phone"
            label={f("primary_contact.contact_phone")}
            countries={phoneCountries}
            defaultCountry={defaultPhoneCountry}
          />
        </Section>
      )}
    </StepForm>
  );
}
