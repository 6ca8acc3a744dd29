import Link from "next/link";
import { maskIdNumber } from "@/lib/customers/mask";
import type { DraftData } from "@/lib/onboarding/drafts";
import type { FileSummary } from "@/lib/files/file-queries";
import type { FormStep } from "@/lib/onboarding/steps";

type Row = [label: string, value: unknown];

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  return String(value);
}

function section(data: DraftData, key: string): Record<string, unknown> {
  const value = data[key];
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function ReviewSection({
  title,
  step,
  draftId,
  rows,
  basePath,
}: {
  title: string;
  step: FormStep;
  draftId: string;
  rows: Row[];
  basePath?: string;
}) {
  return (
    <section
      aria-labelledby={`review-${step}-${title}`}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={`review-${step}-${title}`} className="text-base font-semibold">
          {title}
        </h2>
        <Link
          href={`${basePath ?? `/onboarding/${draftId}`}/${step}`}
          className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
        >
          Edit <span className="sr-only">{title}</span>
        </Link>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words font-medium text-slate-900">{show(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Everything entered, on one page, grouped as the API groups it, with an edit link per section. */
export function DraftReview({
  draftId,
  data,
  files,
  basePath,
}: {
  draftId: string;
  data: DraftData;
  files: Record<string, FileSummary>;
  /** Where the steps' pages are (default: the staff wizard's `/onboarding/<draft>`). */
  basePath?: string;
}) {
  const business = section(data, "business_details");
  const address = section(data, "registration_address");
  const usage = section(data, "account_usage");
  const contact = section(data, "primary_contact");
  const people = Array.isArray(data.business_person_list)
    ? (data.business_person_list as Record<string, Record<string, unknown>>[])
    : [];
  const fileName = (id: unknown) =>
    typeof id === "string" && id ? (files[id]?.fileName ?? "Uploaded document") : undefined;
  const documents = Array.isArray(business.business_identifier_document_list)
    ? business.business_identifier_document_list
    : [];
  return (
    <div className="space-y-4">
      <ReviewSection
        title="Company"
        step="company"
        draftId={draftId}
        basePath={basePath}
        rows={[
          ["Business name (English)", business.business_name_english],
          ["Business name (local language)", business.business_name],
          ["Registration number", business.business_identifier_number],
          ["Country of registration", business.business_identifier_country_code],
          ["Registered on", business.business_identifier_start_date],
          ["Registration expires on", business.business_identifier_expiry_date],
          ["Website", business.website],
          ["Your reference", data.partner_customer_id],
          ["Registration documents", documents.map(fileName).join(", ")],
        ]}
      />
      <ReviewSection
        title="Registration address"
        step="address"
        draftId={draftId}
        basePath={basePath}
        rows={[
          ["Address line", address.registration_address_line1],
          ["City", address.registration_address_city],
          ["State, province or region", address.registration_address_state],
          ["Postcode", address.registration_address_postcode],
          ["Country", address.registration_address_country_code],
        ]}
      />
      <ReviewSection
        title="Account usage"
        step="usage"
        draftId={draftId}
        basePath={basePath}
        rows={[
          ["Main operating country", usage.operating_country],
          ["Industry category", usage.industry_category_code],
          ["Goods or services sold", usage.goods_service_description],
          [
            "Estimated monthly revenue",
            `${show(usage.estimated_monthly_revenue_amount)} ${show(usage.estimated_monthly_revenue_currency)}`,
          ],
        ]}
      />
      <ReviewSection
        title="Primary contact"
        step="contact"
        draftId={draftId}
        basePath={basePath}
        rows={[
          ["Contact email", contact.contact_email],
          ["Contact phone", contact.contact_phone],
        ]}
      />
      {people.map((person, index) => (
        <ReviewSection
          key={index}
          title={`Legal representative ${index + 1}`}
          step="representatives"
          draftId={draftId}
          basePath={basePath}
          rows={[
            [
              "Name (English)",
              `${show(person.basic_info?.first_name_english)} ${show(person.basic_info?.last_name_english)}`,
            ],
            ["Name (local)", [person.basic_info?.first_name, person.basic_info?.last_name].filter(Boolean).join(" ")],
            ["Date of birth", person.basic_info?.birth_date],
            ["Nationality", person.basic_info?.nationality],
            [
              "Residential address",
              [
                person.residential_address?.residential_address_line1,
                person.residential_address?.residential_address_city,
                person.residential_address?.residential_address_postcode,
                person.residential_address?.residential_address_country_code,
              ]
                .filter(Boolean)
                .join(", "),
            ],
            ["ID number", maskIdNumber(person.identification?.id_number)],
            ["ID issuing country", person.identification?.id_issuing_country_code],
            ["ID document front", fileName(person.identification?.id_document_front_file_id)],
            ["ID document back", fileName(person.identification?.id_document_back_file_id)],
          ]}
        />
      ))}
    </div>
  );
}
