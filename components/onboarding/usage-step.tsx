"use client";

import { PickerField, SelectField, TextField, TextareaField } from "./form-fields";
import { StepForm } from "./step-form";
import { Section, type PickerLists, type StepProps, type StepValues } from "./step-parts";

export function UsageStep({
  draft,
  defaultValues,
  options,
  countries,
  currencies,
  industries,
}: StepProps<"usage"> & PickerLists) {
  return (
    <StepForm<StepValues<"usage">> draft={draft} step="usage" defaultValues={defaultValues} options={options}>
      {(form) => (
        <Section title="Account usage">
          <PickerField
            form={form}
            name="account_usage.operating_country"
            label="Main operating country"
            options={countries}
            placeholder="Search countries"
            required
          />
          <SelectField
            form={form}
            name="account_usage.industry_category_code"
            label="Industry category"
            options={industries}
            placeholder="Choose a category"
          />
          <TextareaField
            form={form}
            name="account_usage.goods_service_description"
            label="Goods or services sold"
            hint="Up to 1,000 characters."
            className="sm:col-span-2"
          />
          <PickerField
            form={form}
            name="account_usage.estimated_monthly_revenue_currency"
            label="Revenue currency"
            options={currencies}
            placeholder="Search currencies"
            required
          />
          <TextField
            form={form}
            name="account_usage.estimated_monthly_revenue_amount"
            label="Estimated monthly revenue"
            type="number"
            step="0.01"
            inputMode="decimal"
            hint="Up to 2 decimals."
            required
          />
        </Section>
      )}
    </StepForm>
  );
}
