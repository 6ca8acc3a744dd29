import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditTimeline } from "@/components/customers/audit-timeline";
import { DecisionPanel } from "@/components/customers/decision-panel";
import { DocumentLinks } from "@/components/customers/document-links";
import { RequestInformation } from "@/components/customers/request-information";
import { RequirementsPanel } from "@/components/customers/requirements-panel";
import { RevealIdNumber } from "@/components/customers/reveal-id-number";
import { StatusBadge } from "@/components/ui/badge";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getCustomerForStaff } from "@/lib/customers/customer-review";
import { countryName, industryName } from "@/lib/customers/display-names";
import { fieldLabel, personFieldLabel } from "@/lib/customers/fields";
import { personName } from "@/lib/customers/person-name";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { toLocale } from "@/lib/i18n/locales";
import { forPage } from "@/lib/pages/page-error";
import { slug } from "@/lib/slug";
import { decideAction, requestInformationAction, revealIdNumberAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backOffice.customer");
  return { title: t("title") };
}

type Row = [label: string, value: React.ReactNode];

function show(value: React.ReactNode): React.ReactNode {
  return value === null || value === undefined || value === "" ? <span className="text-slate-400">—</span> : value;
}

function Section({ title, rows, children }: { title: string; rows: Row[]; children?: React.ReactNode }) {
  const id = `section-${slug(title)}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words font-medium text-slate-900">{show(value)}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const user = await requirePermission("customers:list");
  const [t, labels, locale] = await Promise.all([
    getTranslations("backOffice.customer"),
    getTranslations("fields"),
    getLocale().then(toLocale),
  ]);
  const view = await forPage(getCustomerForStaff(user, customerId, labels));
  const date = (value: string | null | undefined) => (value ? formatDate(value, locale) : null);
  const country = (code: string | null | undefined) => (code ? countryName(code, locale) : null);
  const field = (path: string) => fieldLabel(path, labels);
  const personField = (inside: string) => personFieldLabel(inside, labels);
  const { customer } = view;
  const business = customer.business_details;
  const address = customer.registration_address;
  const usage = customer.account_usage;
  const fileNames = Object.fromEntries(Object.values(view.files).map((file) => [file.fileId, file.fileName]));
  const file = (id: string | null) => (id ? view.files[id] : undefined);

  return (
    <div className="space-y-6">
      <div>
        <Link href="/customers" className="text-sm text-blue-700 underline-offset-4 hover:underline">
          {t("allCustomers")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{business.business_name_english}</h1>
          <StatusBadge status={customer.status} />
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich("summary", {
            mono: (chunks) => <span className="font-mono">{chunks}</span>,
            customerId: customer.customer_id,
            partner: view.partnerName,
            reference: customer.partner_customer_id,
            created: formatDateTime(new Date(customer.created_at), locale),
          })}
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Section
            title={field("business_details")}
            rows={[
              [field("business_details.business_name_english"), business.business_name_english],
              [field("business_details.business_name"), business.business_name],
              [field("business_details.business_identifier_number"), business.business_identifier_number],
              [
                field("business_details.business_identifier_country_code"),
                country(business.business_identifier_country_code),
              ],
              [field("business_details.business_identifier_start_date"), date(business.business_identifier_start_date)],
              [
                field("business_details.business_identifier_expiry_date"),
                date(business.business_identifier_expiry_date),
              ],
              [field("business_details.website"), business.website],
            ]}
          >
            <h3 className="mt-4 text-sm font-semibold">
              {field("business_details.business_identifier_document_list")}
            </h3>
            <DocumentLinks files={business.business_identifier_document_list.map(file)} />
          </Section>
          <Section
            title={field("registration_address")}
            rows={[
              [field("registration_address.registration_address_line1"), address.registration_address_line1],
              [field("registration_address.registration_address_city"), address.registration_address_city],
              [field("registration_address.registration_address_state"), address.registration_address_state],
              [field("registration_address.registration_address_postcode"), address.registration_address_postcode],
              [
                field("registration_address.registration_address_country_code"),
                country(address.registration_address_country_code),
              ],
            ]}
          />
          <Section
            title={field("account_usage")}
            rows={[
              [field("account_usage.operating_country"), country(usage.operating_country)],
              [
                field("account_usage.industry_category_code"),
                usage.industry_category_code
                  ? t("industry", {
                      name: industryName(usage.industry_category_code, locale),
                      code: usage.industry_category_code,
                    })
                  : null,
              ],
              [field("account_usage.goods_service_description"), usage.goods_service_description],
              [
                field("account_usage.estimated_monthly_revenue_amount"),
                formatMoney(usage.estimated_monthly_revenue_amount, usage.estimated_monthly_revenue_currency, locale),
              ],
            ]}
          />
          <Section
            title={field("primary_contact")}
            rows={[
              [field("primary_contact.contact_email"), customer.primary_contact.contact_email],
              [field("primary_contact.contact_phone"), customer.primary_contact.contact_phone],
            ]}
          />
          {customer.business_person_list.map((person, position) => (
            <Section
              key={position}
              title={field(`business_person_list.${position}`)}
              rows={[
                [
                  t("nameEnglish"),
                  personName(person.basic_info.first_name_english, person.basic_info.last_name_english),
                ],
                [t("nameLocal"), personName(person.basic_info.first_name, person.basic_info.last_name)],
                [personField("basic_info.birth_date"), date(person.basic_info.birth_date)],
                [personField("basic_info.nationality"), country(person.basic_info.nationality)],
                [
                  t("residentialAddress"),
                  [
                    person.residential_address.residential_address_line1,
                    person.residential_address.residential_address_city,
                    person.residential_address.residential_address_state,
                    person.residential_address.residential_address_postcode,
                    country(person.residential_address.residential_address_country_code),
                  ]
                    .filter(Boolean)
                    .join(", "),
                ],
                [
                  personField("identification.id_number"),
                  <RevealIdNumber
                    key="id"
                    customerId={customer.customer_id}
                    position={position}
                    masked={person.identification.id_number}
                    canReveal={view.canRevealIdNumbers}
                    revealIdNumber={revealIdNumberAction}
                  />,
                ],
                [
                  personField("identification.id_issuing_country_code"),
                  country(person.identification.id_issuing_country_code),
                ],
                [personField("identification.id_issue_date"), date(person.identification.id_issue_date)],
                [personField("identification.id_expiration_date"), date(person.identification.id_expiration_date)],
              ]}
            >
              <h3 className="mt-4 text-sm font-semibold">{t("idDocuments")}</h3>
              <DocumentLinks
                files={[
                  file(person.identification.id_document_front_file_id),
                  file(person.identification.id_document_back_file_id),
                ]}
              />
            </Section>
          ))}
        </div>

        <aside className="space-y-6">
          {view.decisions.length > 0 || can(user, "customers:decide") ? (
            <section
              aria-labelledby="decision-title"
              className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 id="decision-title" className="text-base font-semibold">
                {t("decision")}
              </h2>
              <div className="mt-3">
                <DecisionPanel
                  customerId={customer.customer_id}
                  decisions={view.decisions}
                  version={view.version}
                  decideCustomer={decideAction}
                />
              </div>
            </section>
          ) : null}
          {view.requirements.length > 0 ? (
            <section
              aria-labelledby="requirements-title"
              className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 id="requirements-title" className="text-base font-semibold">
                {t("requestedInformation")}
              </h2>
              <div className="mt-3">
                <RequirementsPanel
                  requirements={view.requirements}
                  changedSinceRequest={view.changedSinceRequest}
                  fixHref={view.canUpdate ? `/customers/${customer.customer_id}/update` : undefined}
                />
              </div>
            </section>
          ) : null}
          {view.requestableFields.length > 0 ? (
            <section
              aria-labelledby="request-information-title"
              className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 id="request-information-title" className="text-base font-semibold">
                {t("requestInformation")}
              </h2>
              <div className="mt-3">
                <RequestInformation
                  customerId={customer.customer_id}
                  version={view.version}
                  fields={view.requestableFields}
                  requestInformation={requestInformationAction}
                />
              </div>
            </section>
          ) : null}
          <section
            aria-labelledby="timeline-title"
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id="timeline-title" className="text-base font-semibold">
              {t("auditTrail")}
            </h2>
            <div className="mt-4">
              <AuditTimeline events={view.trail} fileNames={fileNames} />
            </div>
          </section>
        </aside>
      </div>
    </div>
  );
}
