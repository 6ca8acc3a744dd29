"use client";

import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import type { PickerOption } from "@/lib/customers/picker-option";
import { MAX_DOCUMENTS } from "@/lib/customers/limits";
import { DocumentUpload } from "./document-upload";
import { PickerField, TextField, errorOf, fieldId } from "./form-fields";
import { StepForm } from "./step-form";
import { Section, useKnownFiles, type KnownFiles, type StepProps, type StepValues } from "./step-parts";
import { useWizardRoutes } from "./wizard-routes";

export function CompanyStep({
  draft,
  defaultValues,
  options,
  countries,
  files,
}: StepProps<"company"> & { countries: PickerOption[]; files: KnownFiles }) {
  const { remember, describe } = useKnownFiles(files);
  // On a hosted onboarding link the reference is the partner's, fixed by the link.
  const { partnerCustomerIdFixed } = useWizardRoutes(draft.id);
  const t = useTranslations("wizard");
  const f = useTranslations("fields");
  return (
    <StepForm<StepValues<"company">> draft={draft} step="company" defaultValues={defaultValues} options={options}>
      {(form) => (
        <>
          <Section title={t("sections.businessDetails")}>
            <TextField
              form={form}
              name="business_details.business_name_english"
              label={f("business_details.business_name_english")}
              required
            />
            <TextField
              form={form}
              name="business_details.business_name"
              label={f("business_details.business_name")}
              hint={t("company.businessNameHint")}
            />
            <TextField
              form={form}
              name="business_details.business_identifier_number"
              label={f("business_details.business_identifier_number")}
              required
            />
            <PickerField
              form={form}
              name="business_details.business_identifier_country_code"
              label={f("business_details.business_identifier_country_code")}
              options={countries}
              placeholder={t("pickers.searchCountries")}
              required
            />
            <TextField
              form={form}
              name="business_details.business_identifier_start_date"
              label={f("business_details.business_identifier_start_date")}
              type="date"
            />
            <TextField
              form={form}
              name="business_details.business_identifier_expiry_date"
              label={f("business_details.business_identifier_expiry_date")}
              type="date"
            />
            <TextField
              form={form}
              name="business_details.website"
              label={f("business_details.website")}
              type="url"
              inputMode="url"
              hint={t("company.websiteHint")}
            />
            {partnerCustomerIdFixed ? null : (
              <TextField
                form={form}
                name="partner_customer_id"
                label={f("partner_customer_id")}
                hint={t("company.referenceHint")}
                required
              />
            )}
          </Section>
          {/* min-w-0: a fieldset is at least as wide as its content, and a long file name must not widen the page. */}
          <fieldset className="min-w-0 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <legend className="px-1 text-sm font-semibold text-slate-900">{t("sections.registrationDocuments")}</legend>
            <p className="mb-3 text-sm text-slate-600">{t("company.documentsHelp")}</p>
            <Controller
              control={form.control}
              name="business_details.business_identifier_document_list"
              render={({ field }) => {
                const ids = Array.isArray(field.value) ? (field.value as string[]) : [];
                const error = errorOf(form, "business_details.business_identifier_document_list");
                return (
                  <div className="space-y-3">
                    {ids.map((fileId, index) => (
                      <DocumentUpload
                        key={fileId}
                        id={`${fieldId(field.name)}-${index}`}
                        label={f("document", { number: index + 1 })}
                        document={describe(fileId)}
                        onUploaded={(document) => {
                          remember(document);
                          field.onChange(ids.map((id) => (id === fileId ? document.fileId : id)));
                        }}
                        onRemove={() => field.onChange(ids.filter((id) => id !== fileId))}
                      />
                    ))}
                    {ids.length < MAX_DOCUMENTS ? (
                      <DocumentUpload
                        id={fieldId(field.name)}
                        label={t("company.addDocument")}
                        document={null}
                        error={error}
                        onUploaded={(document) => {
                          remember(document);
                          field.onChange([...ids, document.fileId]);
                        }}
                      />
                    ) : null}
                  </div>
                );
              }}
            />
          </fieldset>
        </>
      )}
    </StepForm>
  );
}
