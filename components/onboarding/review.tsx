import Link from "next/link";
import { countryName, industryName } from "@/lib/customers/display-names";
import { useLocale, useTranslations } from "next-intl";
import { personFieldLabel } from "@/lib/customers/field-labels";
import { maskIdNumber } from "@/lib/customers/mask";
import { personName } from "@/lib/customers/person-name";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import type { DraftData } from "@/lib/onboarding/drafts";
import type { FileSummary } from "@/lib/files/file-queries";
import type { FormStep } from "@/lib/onboarding/steps";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { slug } from "@/lib/slug";

/**
 * The review step: a server component, so the names of countries and categories it shows weigh
 * nothing in the browser. Every name, date and amount is in the reader's language.
 */

type Row = [label: string, value: unknown];

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  return String(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function countryIn(value: unknown, locale: Locale): string | undefined {
  const code = text(value);
  return code && countryName(code, locale);
}

function dateIn(value: unknown, locale: Locale): string | undefined {
  const given = text(value);
  return given && formatDate(given, locale);
}

function money(amount: unknown, currency: unknown, locale: Locale): string | undefined {
  const code = text(currency);
  if (typeof amount !== "number" || !Number.isFinite(amount)) return undefined;
  return formatMoney(amount, code ?? "", locale);
}

function section(data: DraftData, key: string): Record<string, unknown> {
  const value = data[key];
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function part(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function ReviewSection({
  title,
  headingKey,
  step,
  draftId,
  rows,
  basePath,
}: {
  title: string;
  /** What the heading's id is made from: the English title, so ids do not change with the language. */
  headingKey: string;
  step: FormStep;
  draftId: string;
  rows: Row[];
  basePath?: string;
}) {
  const headingId = `review-${slug(headingKey)}`;
  const t = useTranslations("wizard.review");
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-center justify-between gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        <Link
          href={`${basePath ?? `/onboarding/${draftId}`}/${step}`}
          className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
        >
          {t("edit")} <span className="sr-only">{title}</span>
        </Link>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {rows.map(([rowLabel, value]) => (
          <div key={rowLabel} className="min-w-0">
            <dt className="text-slate-500">{rowLabel}</dt>
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
  const labels = useTranslations("fields");
  const t = useTranslations("wizard");
  const locale = toLocale(useLocale());
  const country = (value: unknown) => countryIn(value, locale);
  const date = (value: unknown) => dateIn(value, locale);
  const label = (path: string) => labels(path);
  const personLabel = (path: string) => personFieldLabel(path, labels);
  const business = section(data, "business_details");
  const address = section(data, "registration_address");
  const usage = section(data, "account_usage");
  const contact = section(data, "primary_contact");
  const people = Array.isArray(data.business_person_list) ? (data.business_person_list as unknown[]) : [];
  const fileName = (id: unknown) =>
    typeof id === "string" && id ? (files[id]?.fileName ?? t("upload.uploadedDocument")) : undefined;
  const documents = Array.isArray(business.business_identifier_document_list)
    ? business.business_identifier_document_list
    : [];
  return (
    <div className="space-y-4">
      <ReviewSection
        title={t("steps.company.title")}
        headingKey="Company"
        step="company"
        draftId={draftId}
        basePath={basePath}
        rows={[
          [label("business_details.business_name_english"), business.business_name_english],
          [label("business_details.business_name"), business.business_name],
          [label("business_details.business_identifier_number"), business.business_identifier_number],
          [
            label("business_details.business_identifier_country_code"),
            country(business.business_identifier_country_code),
          ],
          [label("business_details.business_identifier_start_date"), date(business.business_identifier_start_date)],
          [label("business_details.business_identifier_expiry_date"), date(business.business_identifier_expiry_date)],
          [label("business_details.website"), business.website],
          [label("partner_customer_id"), data.partner_customer_id],
          [label("business_details.business_identifier_document_list"), documents.map(fileName).join(", ")],
        ]}
      />
      <ReviewSection
        title={t("steps.address.title")}
        headingKey="Registration address"
        step="address"
        draftId={draftId}
        basePath={basePath}
        rows={[
          [label("registration_address.registration_address_line1"), address.registration_address_line1],
          [label("registration_address.registration_address_city"), address.registration_address_city],
          [label("registration_address.registration_address_state"), address.registration_address_state],
          [label("registration_address.registration_address_postcode"), address.registration_address_postcode],
          [
            label("registration_address.registration_address_country_code"),
            country(address.registration_address_country_code),
          ],
        ]}
      />
      <ReviewSection
        title={t("steps.usage.title")}
        headingKey="Account usage"
        step="usage"
        draftId={draftId}
        basePath={basePath}
        rows={[
          [label("account_usage.operating_country"), country(usage.operating_country)],
          [
            label("account_usage.industry_category_code"),
            text(usage.industry_category_code) && industryName(text(usage.industry_category_code)!, locale),
          ],
          [label("account_usage.goods_service_description"), usage.goods_service_description],
          [
            label("account_usage.estimated_monthly_revenue_amount"),
            money(usage.estimated_monthly_revenue_amount, usage.estimated_monthly_revenue_currency, locale),
          ],
        ]}
      />
      <ReviewSection
        title={t("steps.contact.title")}
        headingKey="Primary contact"
        step="contact"
        draftId={draftId}
        basePath={basePath}
        rows={[
          [label("primary_contact.contact_email"), contact.contact_email],
          [label("primary_contact.contact_phone"), contact.contact_phone],
        ]}
      />
      {people.map((entry, index) => {
        const person = part(entry);
        const basic = part(person.basic_info);
        const home = part(person.residential_address);
        const id = part(person.identification);
        return (
          <ReviewSection
            key={index}
            title={labels("representative", { number: index + 1 })}
            headingKey={`Legal representative ${index + 1}`}
            step="representatives"
            draftId={draftId}
            basePath={basePath}
            rows={[
              [t("review.nameEnglish"), personName(basic.first_name_english, basic.last_name_english)],
              [t("review.nameLocal"), personName(basic.first_name, basic.last_name)],
              [personLabel("basic_info.birth_date"), date(basic.birth_date)],
              [personLabel("basic_info.nationality"), country(basic.nationality)],
              [
                t("review.residentialAddress"),
                [
                  text(home.residential_address_line1),
                  text(home.residential_address_city),
                  text(home.residential_address_state),
                  text(home.residential_address_postcode),
                  country(home.residential_address_country_code),
                ]
                  .filter(Boolean)
                  .join(", "),
              ],
              [personLabel("identification.id_number"), maskIdNumber(id.id_number)],
              [personLabel("identification.id_issuing_country_code"), country(id.id_issuing_country_code)],
              [personLabel("identification.id_issue_date"), date(id.id_issue_date)],
              [personLabel("identification.id_expiration_date"), date(id.id_expiration_date)],
              [personLabel("identification.id_document_front_file_id"), fileName(id.id_document_front_file_id)],
              [personLabel("identification.id_document_back_file_id"), fileName(id.id_document_back_file_id)],
            ]}
          />
        );
      })}
    </div>
  );
}
