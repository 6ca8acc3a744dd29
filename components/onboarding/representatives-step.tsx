"use client";

import { Controller, useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { PickerOption } from "@/lib/customers/picker-option";
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
          <section
            key={person.id}
            aria-labelledby={`person-${index}-title`}
            className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <div className="flex items-center justify-between gap-3">
              <h2 id={`person-${index}-title`} className="text-base font-semibold">
                Legal representative {number}
              </h2>
              {people.fields.length > 1 ? (
                <Button variant="ghost" size="sm" onClick={() => people.remove(index)}>
                  Remove representative {number}
                </Button>
              ) : null}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                form={form}
                name={`${base}.basic_info.first_name_english`}
                label={`First name (English), representative ${number}`}
                required
              />
              <TextField
                form={form}
                name={`${base}.basic_info.last_name_english`}
                label={`Last name (English), representative ${number}`}
                required
              />
              <TextField
                form={form}
                name={`${base}.basic_info.first_name`}
                label={`First name (local), representative ${number}`}
              />
              <TextField
                form={form}
                name={`${base}.basic_info.last_name`}
                label={`Last name (local), representative ${number}`}
              />
              <TextField
                form={form}
                name={`${base}.basic_info.birth_date`}
                label={`Date of birth, representative ${number}`}
                type="date"
                required
              />
              <PickerField
                form={form}
                name={`${base}.basic_info.nationality`}
                label={`Nationality, representative ${number}`}
                options={countries}
                placeholder="Search countries"
                required
              />
            </div>
            <h3 className="pt-2 text-sm font-semibold text-slate-900">Residential address</h3>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                form={form}
                name={`${base}.residential_address.residential_address_line1`}
                label={`Home address, representative ${number}`}
                className="sm:col-span-2"
              />
              <TextField
                form={form}
                name={`${base}.residential_address.residential_address_city`}
                label={`City, representative ${number}`}
              />
              <TextField
                form={form}
                name={`${base}.residential_address.residential_address_state`}
                label={`State or region, representative ${number}`}
              />
              <TextField
                form={form}
                name={`${base}.residential_address.residential_address_postcode`}
                label={`Postcode, representative ${number}`}
              />
              <PickerField
                form={form}
                name={`${base}.residential_address.residential_address_country_code`}
                label={`Country of residence, representative ${number}`}
                options={countries}
                placeholder="Search countries"
              />
            </div>
            <h3 className="pt-2 text-sm font-semibold text-slate-900">Identity document</h3>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                form={form}
                name={`${base}.identification.id_number`}
                label={`ID number, representative ${number}`}
                required
              />
              <PickerField
                form={form}
                name={`${base}.identification.id_issuing_country_code`}
                label={`ID issuing country, representative ${number}`}
                options={countries}
                placeholder="Search countries"
                required
              />
              <TextField
                form={form}
                name={`${base}.identification.id_issue_date`}
                label={`ID issued on, representative ${number}`}
                type="date"
              />
              <TextField
                form={form}
                name={`${base}.identification.id_expiration_date`}
                label={`ID expires on, representative ${number}`}
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
                        label={`ID document ${side}, representative ${number}`}
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
          </section>
        );
      })}
      {people.fields.length < MAX_BUSINESS_PERSONS ? (
        <Button variant="secondary" onClick={() => people.append(structuredClone(EMPTY_PERSON))}>
          Add a legal representative
        </Button>
      ) : null}
    </div>
  );
}
