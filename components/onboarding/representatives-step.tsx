"use client";

import { Controller, useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { PickerOption } from "@/lib/customers/picker-option";
import { useTranslations } from "next-intl";
import { personFieldLabel } from "@/lib/customers/field-labels";
import { MAX_BUSINESS_PERSONS } from "@/lib/customers/limits";
import { DocumentUpload } from "./document-upload";
import { EMPTY_PERSON } from "./empty-person";
import { PickerField, TextField, errorOf, fieldId } from "./form-fields";
import { StepForm } from "./step-form";
import { useKnownFiles, type KnownFiles, type StepProps, type StepValues } from "./step-parts";

export function RepresentativesStep({
  draft,
  defaultValues,
  options,
  countries,
  files,
}: StepProps<"representatives"> & { countries: PickerOption[]; files: KnownFiles }) {
  return (
    <StepForm<StepValues<"representatives">>
      draft={draft}
      step="representatives"
      defaultValues={defaultValues}
      options={options}
    >
      {(form) => <People form={form} countries={countries} files={files} />}
    </StepForm>
  );
}

function People({
  form,
  countries,
  files,
}: {
  form: Parameters<Parameters<typeof StepForm<StepValues<"representatives">>>[0]["children"]>[0];
  countries: PickerOption[];
  files: KnownFiles;
}) {
  const labels = useTranslations("fields");
  const t = useTranslations("wizard");
  const people = useFieldArray({ control: form.control, name: "business_person_list" });
  const { remember, describe } = useKnownFiles(files);
  const listError = errorOf(form, "business_person_list");
  return (
    <div className="space-y-6">
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      {people.fields.map((person, index) => {
        const base = `business_person_list.${index}` as const;
        const number = index + 1;
        return (
          // The group's legend says whose fields these are, so each field's label stays short.
          // min-w-0: a fieldset is at least as wide as its content; a long file name must not widen the page.
          <fieldset
            key={person.id}
            className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            {/* First child of the fieldset, so that it names the group; floated to sit inside the card. */}
            <legend className="float-left w-full">
              <h2 className="text-base font-semibold">{labels("representative", { number })}</h2>
            </legend>
            {people.fields.length > 1 ? (
              <div className="clear-both flex justify-end">
                <Button variant="ghost" size="sm" onClick={() => people.remove(index)}>
                  {t("representatives.remove", { number })}
                </Button>
              </div>
            ) : null}
            <div className="clear-both grid gap-4 sm:grid-cols-2">
              <TextField
                form={form}
                name={`${base}.basic_info.first_name_english`}
                label={personFieldLabel("basic_info.first_name_english", labels)}
                required
              />
              <TextField
                form={form}
                name={`${base}.basic_info.last_name_english`}
                label={personFieldLabel("basic_info.last_name_english", labels)}
                required
              />
              <TextField
                form={form}
                name={`${base}.basic_info.first_name`}
                label={personFieldLabel("basic_info.first_name", labels)}
              />
              <TextField
                form={form}
                name={`${base}.basic_info.last_name`}
                label={personFieldLabel("basic_info.last_name", labels)}
              />
              <TextField
                form={form}
                name={`${base}.basic_info.birth_date`}
                label={personFieldLabel("basic_info.birth_date", labels)}
                type="date"
                required
              />
              <PickerField
                form={form}
                name={`${base}.basic_info.nationality`}
                label={personFieldLabel("basic_info.nationality", labels)}
                options={countries}
                placeholder={t("pickers.searchCountries")}
                required
              />
            </div>
            <h3 className="pt-2 text-sm font-semibold text-slate-900">{t("sections.residentialAddress")}</h3>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                form={form}
                name={`${base}.residential_address.residential_address_line1`}
                label={personFieldLabel("residential_address.residential_address_line1", labels)}
                className="sm:col-span-2"
              />
              <TextField
                form={form}
                name={`${base}.residential_address.residential_address_city`}
                label={personFieldLabel("residential_address.residential_address_city", labels)}
              />
              <TextField
                form={form}
                name={`${base}.residential_address.residential_address_state`}
                label={personFieldLabel("residential_address.residential_address_state", labels)}
              />
              <TextField
                form={form}
                name={`${base}.residential_address.residential_address_postcode`}
                label={personFieldLabel("residential_address.residential_address_postcode", labels)}
              />
              <PickerField
                form={form}
                name={`${base}.residential_address.residential_address_country_code`}
                label={personFieldLabel("residential_address.residential_address_country_code", labels)}
                options={countries}
                placeholder={t("pickers.searchCountries")}
              />
            </div>
            <h3 className="pt-2 text-sm font-semibold text-slate-900">{t("sections.identityDocument")}</h3>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                form={form}
                name={`${base}.identification.id_number`}
                label={personFieldLabel("identification.id_number", labels)}
                required
              />
              <PickerField
                form={form}
                name={`${base}.identification.id_issuing_country_code`}
                label={personFieldLabel("identification.id_issuing_country_code", labels)}
                options={countries}
                placeholder={t("pickers.searchCountries")}
                required
              />
              <TextField
                form={form}
                name={`${base}.identification.id_issue_date`}
                label={personFieldLabel("identification.id_issue_date", labels)}
                type="date"
              />
              <TextField
                form={form}
                name={`${base}.identification.id_expiration_date`}
                label={personFieldLabel("identification.id_expiration_date", labels)}
                type="date"
              />
              {(["front", "back"] as const).map((side) => (
                <Controller
                  key={side}
                  control={form.control}
                  name={`${base}.identification.id_document_${side}_file_id`}
                  render={({ field }) => {
                    const fileId = typeof field.value === "string" ? field.value : "";
                    return (
                      <DocumentUpload
                        id={fieldId(field.name)}
                        label={personFieldLabel(`identification.id_document_${side}_file_id`, labels)}
                        document={fileId ? describe(fileId) : null}
                        error={errorOf(form, field.name)}
                        onUploaded={(document) => {
                          remember(document);
                          field.onChange(document.fileId);
                        }}
                        onRemove={() => field.onChange("")}
                      />
                    );
                  }}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      {people.fields.length < MAX_BUSINESS_PERSONS ? (
        <Button variant="secondary" onClick={() => people.append(structuredClone(EMPTY_PERSON))}>
          {t("representatives.add")}
        </Button>
      ) : null}
    </div>
  );
}
