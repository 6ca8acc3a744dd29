import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { requirePermission } from "@/lib/auth/current-user";
import { listCustomersForActor } from "@/lib/customers/customer-list";

export const metadata: Metadata = { title: "Customers" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("customers:list");
  const params = await searchParams;
  const filters = { status: single(params.status), q: single(params.q), cursor: single(params.cursor) };
  const page = await listCustomersForActor(user, filters);
  const reviewer = user.role === "reviewer";
  const nextHref = page.nextCursor
    ? `/customers?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)), cursor: page.nextCursor })}`
    : null;
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{reviewer ? "Review queue" : "Customers"}</h1>
      <p className="mt-1 text-slate-600">
        {reviewer ? "Business customers of every partner." : `Business customers of ${user.partnerName}.`}
      </p>
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Customers, newest first</caption>
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
                <td colSpan={6} className="px-4 py-8 text-center text-slate-500">
                  No customers yet.
                </td>
              </tr>
            ) : (
              page.rows.map((row) => (
                <tr key={row.customerId}>
                  <td className="px-4 py-3">
                    <span className="font-medium text-slate-900">{row.businessNameEnglish}</span>
                    {row.businessName ? <span className="block text-xs text-slate-500">{row.businessName}</span> : null}
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={row.status} />
                  </td>
                  {reviewer ? <td className="px-4 py-3">{row.partnerName}</td> : null}
                  <td className="px-4 py-3">{row.countryCode}</td>
                  <td className="px-4 py-3 font-mono text-xs">{row.customerId}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{dateTime.format(row.createdAt)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {nextHref ? (
        <p className="mt-4 text-right">
          <Link href={nextHref} className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
            Next page
          </Link>
        </p>
      ) : null}
    </div>
  );
}
