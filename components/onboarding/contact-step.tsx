"use client";

import { TextField } from "./form-fields";
import { StepForm } from "./step-form";
import { Section, type StepProps, type StepValues } from "./step-parts";

export function ContactStep({ draft, defaultValues, options }: StepProps<"contact">) {
  return (
    <StepForm<StepValues<"contact">> draft={draft} step="contact" defaultValues={defaultValues} options={options}>
      {(form) => (
        <Section title="Primary contact">
          <TextField
            form={form}
            name="primary_contact.contact_email"
            label="Contact email"
            type="email"
            inputMode="email"
            autoComplete="email"
            required
          />
          <TextField
            form={form}
            name="primary_contact.contact_phone"
            label="Contact phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            hint="International format, e.g. +14155550123."
          />
        </Section>
      )}
    </StepForm>
  );
}
