"use client";

import type { PickerOption } from "@/lib/customers/picker-option";
import { PickerField, TextField } from "./form-fields";
import { StepForm } from "./step-form";
import { Section, type StepProps, type StepValues } from "./step-parts";

export function AddressStep({
  draft,
  defaultValues,
  countries,
  options,
}: StepProps<"address"> & { countries: PickerOption[] }) {
  return (
    <StepForm<StepValues<"address">> draft={draft} step="address" defaultValues={defaultValues} options={options}>
      {(form) => (
        <Section title="Registered address">
          <TextField
            form={form}
            name="registration_address.registration_address_line1"
            label="Address line"
            autoComplete="address-line1"
            required
            className="sm:col-span-2"
          />
          <TextField
            form={form}
            name="registration_address.registration_address_city"
            label="City"
            autoComplete="address-level2"
            required
          />
          <TextField
            form={form}
            name="registration_address.registration_address_state"
            label="State, province or region"
            autoComplete="address-level1"
          />
          <TextField
            form={form}
            name="registration_address.registration_address_postcode"
            label="Postcode"
            autoComplete="postal-code"
          />
          <PickerField
            form={form}
            name="registration_address.registration_address_country_code"
            label="Country"
            options={countries}
            placeholder="Search countries"
            required
          />
        </Section>
      )}
    </StepForm>
  );
}
