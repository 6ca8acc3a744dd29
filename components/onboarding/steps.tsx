"use client";

import { useState } from "react";
import { Controller, useFieldArray, type DefaultValues } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import type { PickerOption } from "@/lib/customers/picker-option";
import { MAX_BUSINESS_PERSONS, MAX_DOCUMENTS } from "@/lib/customers/schema";
import type { STEP_SCHEMAS } from "@/lib/onboarding/steps";
import type { DraftOnPage } from "./draft-actions";
import { DocumentUpload, type UploadedDocument } from "./document-upload";
import { PickerField, SelectField, TextField, TextareaField, errorOf, fieldId } from "./form-fields";
import { StepForm, type StepFormOptions } from "./step-form";
import { useWizardRoutes } from "./wizard-routes";

type StepValues<S extends keyof typeof STEP_SCHEMAS> = z.input<(typeof STEP_SCHEMAS)[S]>;

interface StepProps<S extends keyof typeof STEP_SCHEMAS> {
  draft: DraftOnPage;
  defaultValues: DefaultValues<StepValues<S>>;
  /** Optional: the step used outside the wizard (see StepFormOptions). */
  options?: StepFormOptions;
}

export interface PickerLists {
  countries: PickerOption[];
  currencies: PickerOption[];
  industries: PickerOption[];
}

type KnownFiles = Record<string, UploadedDocument>;

/** The documents the form can name and preview: those of the saved draft, then each new upload. */
function useKnownFiles(initial: KnownFiles) {
  const [known, setKnown] = useState(initial);
  const remember = (document: UploadedDocument) => setKnown((current) => ({ ...current, [document.fileId]: document }));
  const describe = (fileId: string): UploadedDocument =>
    known[fileId] ?? { fileId, fileName: "Uploaded document", contentType: "", size: 0 };
  return { remember, describe };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-sm font-semibold text-slate-900">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

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
  return (
    <StepForm<StepValues<"company">> draft={draft} step="company" defaultValues={defaultValues} options={options}>
      {(form) => (
        <>
          <Section title="Business details">
            <TextField
              form={form}
              name="business_details.business_name_english"
              label="Business name (English)"
              required
            />
            <TextField
              form={form}
              name="business_details.business_name"
              label="Business name (local language)"
              hint="As registered, in any script."
            />
            <TextField
              form={form}
              name="business_details.business_identifier_number"
              label="Registration number"
              required
            />
            <PickerField
              form={form}
              name="business_details.business_identifier_country_code"
              label="Country of registration"
              options={countries}
              placeholder="Search countries"
              required
            />
            <TextField
              form={form}
              name="business_details.business_identifier_start_date"
              label="Registered on"
              type="date"
            />
            <TextField
              form={form}
              name="business_details.business_identifier_expiry_date"
              label="Registration expires on"
              type="date"
            />
            <TextField
              form={form}
              name="business_details.website"
              label="Website"
              type="url"
              inputMode="url"
              hint="Starting with https://"
            />
            {partnerCustomerIdFixed ? null : (
              <TextField
                form={form}
                name="partner_customer_id"
                label="Your reference for this customer"
                hint="20–64 characters, unique among your customers (the partner_customer_id)."
                required
              />
            )}
          </Section>
          <fieldset className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <legend className="px-1 text-sm font-semibold text-slate-900">Registration documents</legend>
            <p className="mb-3 text-sm text-slate-600">
              Certificate of incorporation, business licence or extract from the register. PDF, JPEG or PNG, up to 10 MB
              each.
            </p>
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
                        label={`Registration document ${index + 1}`}
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
                        label="Add a registration document"
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

export const EMPTY_PERSON = {
  basic_info: {
    first_name_english: "",
    last_name_english: "",
    birth_date: "",
    nationality: "",
    first_name: "",
    last_name: "",
  },
  residential_address: {
    residential_address_line1: "",
    residential_address_city: "",
    residential_address_postcode: "",
    residential_address_country_code: "",
    residential_address_state: "",
  },
  identification: {
    id_number: "",
    id_issuing_country_code: "",
    id_expiration_date: "",
    id_issue_date: "",
    id_document_front_file_id: "",
    id_document_back_file_id: "",
  },
};

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
