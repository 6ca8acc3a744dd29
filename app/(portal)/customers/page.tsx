import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, NativeSelect } from "@/components/ui/input";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listCustomersForActor, type CustomerListFilters } from "@/lib/customers/customer-list";
import { listPartners } from "@/lib/partners/partners";
import { CUSTOMER_STATUSES } from "@/lib/customers/schema";
import { formatDateTime } from "@/lib/format-date";
import { toLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backOffice.list");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The list's URL with these filters: filters and page live in the URL, so a view can be shared. */
function listHref(filters: CustomerListFilters): string {
  const query = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const text = query.toString();
  return text ? `/customers?${text}` : "/customers";
}

const label = "mb-1 block text-xs font-medium text-slate-600";

type Translate = Awaited<ReturnType<typeof getTranslations<"backOffice.list">>>;

/** "12 customers", "3 results for “acme”", "More than 25 customers" (the list counts no further than a page). */
function resultCount(
  t: Translate,
  total: { count: number; more: boolean },
  q: string | undefined,
  filtered: boolean,
): string {
  const kind = filtered ? "results" : "customers";
  const counted = total.more
    ? t(filtered ? "count.moreResults" : "count.moreCustomers", { count: total.count })
    : t(`count.${kind}`, { count: total.count });
  return q ? t("count.forQuery", { counted, query: q }) : counted;
}

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("customers:list");
  const [params, t, tStatus, locale] = await Promise.all([
    searchParams,
    getTranslations("backOffice.list"),
    getTranslations("backOffice.statuses"),
    getLocale().then(toLocale),
  ]);
  const reviewer = can(user, "customers:list-all");
  const filters: CustomerListFilters = {
    q: single(params.q),
    status: single(params.status),
    partnerId: reviewer ? single(params.partnerId) : undefined,
    order: single(params.order) === "oldest" ? "oldest" : undefined,
  };
  const [page, partners] = await Promise.all([
    listCustomersForActor(user, { ...filters, cursor: single(params.cursor) }),
    reviewer ? listPartners() : Promise.resolve([]),
  ]);
  const filtered = Boolean(filters.q || filters.status || filters.partnerId);
  const countText = resultCount(t, page.total, filters.q, filtered);
  const mayOnboard = can(user, "onboarding:use");

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{reviewer ? t("titleReviewer") : t("title")}</h1>
      <p className="mt-1 text-slate-600">
        {reviewer ? t("introReviewer") : t("intro", { partner: user.partnerName ?? "" })}
      </p>

      <form method="get" role="search" aria-label={t("filters")} className="mt-6 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="q" className={label}>
            {t("search")}
          </label>
          <Input
            id="q"
            name="q"
            defaultValue={filters.q}
            placeholder={reviewer ? t("searchPlaceholderReviewer") : t("searchPlaceholder")}
          />
        </div>
        <div>
          <label htmlFor="status" className={label}>
            {t("status")}
          </label>
          <NativeSelect id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            {CUSTOMER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
              </option>
            ))}
          </NativeSelect>
        </div>
        {reviewer ? (
          <div>
            <label htmlFor="partnerId" className={label}>
              {t("partner")}
            </label>
            <NativeSelect id="partnerId" name="partnerId" defaultValue={filters.partnerId ?? ""}>
              <option value="">{t("allPartners")}</option>
              {partners.map((partner) => (
                <option key={partner.partnerId} value={partner.partnerId}>
                  {partner.name}
                </option>
              ))}
            </NativeSelect>
          </div>
        ) : null}
        <div>
          <label htmlFor="order" className={label}>
            {t("sort")}
          </label>
          <NativeSelect id="order" name="order" defaultValue={filters.order ?? "newest"}>
            <option value="newest">{t("newestFirst")}</option>
            <option value="oldest">{t("oldestFirst")}</option>
          </NativeSelect>
        </div>
        <button type="submit" className={buttonClassName("primary", "md")}>
          {t("apply")}
        </button>
        {filtered ? (
          <Link href="/customers" className={buttonClassName("ghost", "md")}>
            {t("clear")}
          </Link>
        ) : null}
      </form>

      <p className="mt-6 text-sm font-medium text-slate-700" id="customer-count">
        {countText}
      </p>
      <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="table-cards w-full text-left text-sm" aria-describedby="customer-count">
          <caption className="sr-only">{filters.order === "oldest" ? t("captionOldest") : t("captionNewest")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                {t("columns.business")}
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                {t("columns.status")}
              </th>
              {reviewer ? (
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("columns.partner")}
                </th>
              ) : null}
              <th scope="col" className="px-4 py-3 font-medium">
                {t("columns.country")}
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                {t("columns.customerId")}
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                {t("columns.created")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.length === 0 ? (
              <tr>
                <td colSpan={6}>
                  {filtered ? (
                    <EmptyState
                      title={t("empty.filteredTitle")}
                      action={
                        <Link href="/customers" className={buttonClassName("secondary", "sm")}>
                          {t("empty.clearFilters")}
                        </Link>
                      }
                    >
                      {t("empty.filteredBody")}
                    </EmptyState>
                  ) : reviewer ? (
                    <EmptyState title={t("empty.reviewerTitle")}>{t("empty.reviewerBody")}</EmptyState>
                  ) : (
                    <EmptyState
                      title={t("empty.title")}
                      action={
                        mayOnboard ? (
                          <Link href="/onboarding" className={buttonClassName("primary", "sm")}>
                            {t("empty.onboard")}
                          </Link>
                        ) : null
                      }
                    >
                      {t("empty.body")}
                    </EmptyState>
                  )}
                </td>
              </tr>
            ) : (
              page.rows.map((row) => (
                <tr key={row.customerId} className="hover:bg-slate-50">
                  <td data-label={t("columns.business")} className="px-4 py-3">
                    <Link
                      href={`/customers/${row.customerId}`}
                      className="font-medium text-blue-700 underline-offset-4 hover:underline"
                    >
                      {row.businessNameEnglish}
                    </Link>
                    {row.businessName ? <span className="block text-xs text-slate-500">{row.businessName}</span> : null}
                  </td>
                  <td data-label={t("columns.status")} className="px-4 py-3">
                    <StatusBadge status={row.status} />
                    {row.informationDue > 0 ? (
                      <span className="mt-1 block text-xs font-medium text-amber-800">{t("informationRequested")}</span>
                    ) : null}
                  </td>
                  {reviewer ? (
                    <td data-label={t("columns.partner")} className="px-4 py-3">
                      {row.partnerName}
                    </td>
                  ) : null}
                  <td data-label={t("columns.country")} className="px-4 py-3">
                    {row.countryCode}
                  </td>
                  <td data-label={t("columns.customerId")} className="px-4 py-3 font-mono text-xs break-all">
                    {row.customerId}
                  </td>
                  <td data-label={t("columns.created")} className="whitespace-nowrap px-4 py-3">
                    {formatDateTime(row.createdAt, locale)}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("pages")} className="mt-4 flex justify-end gap-3">
        {params.cursor ? (
          <Link href={listHref(filters)} className={buttonClassName("secondary", "sm")}>
            {t("firstPage")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={listHref({ ...filters, cursor: page.nextCursor })} className={buttonClassName("secondary", "sm")}>
            {t("nextPage")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
