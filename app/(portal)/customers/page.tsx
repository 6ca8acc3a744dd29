import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Customers" };

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

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

/** "12 customers", "3 results for “acme”", "More than 25 customers" (the list counts no further than a page). */
function resultCount(total: { count: number; more: boolean }, q: string | undefined, filtered: boolean): string {
  const counted = total.more
    ? `More than ${total.count.toLocaleString("en-US")} ${filtered ? "results" : "customers"}`
    : filtered
      ? plural(total.count, "result", "results")
      : plural(total.count, "customer", "customers");
  return q ? `${counted} for “${q}”` : counted;
}

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("customers:list");
  const params = await searchParams;
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
  const countText = resultCount(page.total, filters.q, filtered);
  const mayOnboard = can(user, "onboarding:use");

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{reviewer ? "Review queue" : "Customers"}</h1>
      <p className="mt-1 text-slate-600">
        {reviewer ? "Business customers of every partner." : `Business customers of ${user.partnerName}.`}
      </p>

      <form method="get" role="search" aria-label="Filter customers" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="q" className={label}>
            Search
          </label>
          <Input
            id="q"
            name="q"
            defaultValue={filters.q}
            placeholder={
              reviewer
                ? "Business name, partner reference or customer ID"
                : "Business name, your reference or customer ID"
            }
          />
        </div>
        <div>
          <label htmlFor="status" className={label}>
            Status
          </label>
          <NativeSelect id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">All statuses</option>
            {CUSTOMER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status.charAt(0).toUpperCase() + status.slice(1)}
              </option>
            ))}
          </NativeSelect>
        </div>
        {reviewer ? (
          <div>
            <label htmlFor="partnerId" className={label}>
              Partner
            </label>
            <NativeSelect id="partnerId" name="partnerId" defaultValue={filters.partnerId ?? ""}>
              <option value="">All partners</option>
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
            Sort
          </label>
          <NativeSelect id="order" name="order" defaultValue={filters.order ?? "newest"}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </NativeSelect>
        </div>
        <button type="submit" className={buttonClassName("primary", "md")}>
          Apply
        </button>
        {filtered ? (
          <Link href="/customers" className={buttonClassName("ghost", "md")}>
            Clear
          </Link>
        ) : null}
      </form>

      <p className="mt-6 text-sm font-medium text-slate-700" id="customer-count">
        {countText}
      </p>
      <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="table-cards w-full text-left text-sm" aria-describedby="customer-count">
          <caption className="sr-only">Customers, {filters.order === "oldest" ? "oldest" : "newest"} first</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                Business
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Status
              </th>
              {reviewer ? (
                <th scope="col" className="px-4 py-3 font-medium">
                  Partner
                </th>
              ) : null}
              <th scope="col" className="px-4 py-3 font-medium">
                Country
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Customer ID
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Created (UTC)
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.length === 0 ? (
              <tr>
                <td colSpan={6}>
                  {filtered ? (
                    <EmptyState
                      title="No customers match these filters"
                      action={
                        <Link href="/customers" className={buttonClassName("secondary", "sm")}>
                          Clear filters
                        </Link>
                      }
                    >
                      Check the spelling, search by customer ID or your reference, or choose another status.
                    </EmptyState>
                  ) : reviewer ? (
                    <EmptyState title="No customers to review yet">
                      Customers appear here as soon as a partner onboards them, through the wizard or the Partner API.
                    </EmptyState>
                  ) : (
                    <EmptyState
                      title="No customers yet"
                      action={
                        mayOnboard ? (
                          <Link href="/onboarding" className={buttonClassName("primary", "sm")}>
                            Onboard a customer
                          </Link>
                        ) : null
                      }
                    >
                      Onboard your first business customer in the wizard, or create one through the Partner API.
                    </EmptyState>
                  )}
                </td>
              </tr>
            ) : (
              page.rows.map((row) => (
                <tr key={row.customerId} className="hover:bg-slate-50">
                  <td data-label="Business" className="px-4 py-3">
                    <Link
                      href={`/customers/${row.customerId}`}
                      className="font-medium text-blue-700 underline-offset-4 hover:underline"
                    >
                      {row.businessNameEnglish}
                    </Link>
                    {row.businessName ? <span className="block text-xs text-slate-500">{row.businessName}</span> : null}
                  </td>
                  <td data-label="Status" className="px-4 py-3">
                    <StatusBadge status={row.status} />
                    {row.informationDue > 0 ? (
                      <span className="mt-1 block text-xs font-medium text-amber-800">Information requested</span>
                    ) : null}
                  </td>
                  {reviewer ? (
                    <td data-label="Partner" className="px-4 py-3">
                      {row.partnerName}
                    </td>
                  ) : null}
                  <td data-label="Country" className="px-4 py-3">
                    {row.countryCode}
                  </td>
                  <td data-label="Customer ID" className="px-4 py-3 font-mono text-xs break-all">
                    {row.customerId}
                  </td>
                  <td data-label="Created (UTC)" className="whitespace-nowrap px-4 py-3">
                    {formatDateTime(row.createdAt)}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="mt-4 flex justify-end gap-3">
        {params.cursor ? (
          <Link href={listHref(filters)} className={buttonClassName("secondary", "sm")}>
            First page
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={listHref({ ...filters, cursor: page.nextCursor })} className={buttonClassName("secondary", "sm")}>
            Next page
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
