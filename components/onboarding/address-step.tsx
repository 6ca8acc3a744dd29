"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("wizard");
  const f = useTranslations("fields");
  return (
    <StepForm<StepValues<"address">> draft={draft} step="address" defaultValues={defaultValues} options={options}>
      {(form) => (
        <Section title={t("sections.registeredAddress")}>
          <TextField
            form={form}
            name="registration_address.registration_address_line1"
            label={f("registration_address.registration_address_line1")}
            autoComplete="address-line1"
            required
            className="sm:col-span-2"
          />
          <TextField
            form={form}
            name="registration_address.registration_address_city"
            label={f("registration_address.registration_address_city")}
            autoComplete="address-level2"
            required
          />
          <TextField
            form={form}
            name="registration_address.registration_address_state"
            label={f("registration_address.registration_address_state")}
            autoComplete="address-level1"
          />
          <TextField
            form={form}
            name="registration_address.registration_address_postcode"
            label={f("registration_address.registration_address_postcode")}
            autoComplete="postal-code"
          />
          <PickerField
            form={form}
            name="registration_address.registration_address_country_code"
            label={f("registration_address.registration_address_country_code")}
            options={countries}
            placeholder={t("pickers.searchCountries")}
            required
          />
        </Section>
      )}
    </StepForm>
  );
}
