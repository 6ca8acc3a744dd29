"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("wizard");
  const f = useTranslations("fields");
  return (
    <StepForm<StepValues<"usage">> draft={draft} step="usage" defaultValues={defaultValues} options={options}>
      {(form) => (
        <Section title={t("sections.accountUsage")}>
          <PickerField
            form={form}
            name="account_usage.operating_country"
            label={f("account_usage.operating_country")}
            options={countries}
            placeholder={t("pickers.searchCountries")}
            required
          />
          <SelectField
            form={form}
            name="account_usage.industry_category_code"
            label={f("account_usage.industry_category_code")}
            options={industries}
            placeholder={t("usage.chooseCategory")}
          />
          <TextareaField
            form={form}
            name="account_usage.goods_service_description"
            label={f("account_usage.goods_service_description")}
            hint={t("usage.descriptionHint")}
            className="sm:col-span-2"
          />
          <PickerField
            form={form}
            name="account_usage.estimated_monthly_revenue_currency"
            label={f("account_usage.estimated_monthly_revenue_currency")}
            options={currencies}
            placeholder={t("pickers.searchCurrencies")}
            required
          />
          <TextField
            form={form}
            name="account_usage.estimated_monthly_revenue_amount"
            label={f("account_usage.estimated_monthly_revenue_amount")}
            type="number"
            step="0.01"
            inputMode="decimal"
            hint={t("usage.amountHint")}
            required
          />
        </Section>
      )}
    </StepForm>
  );
}
