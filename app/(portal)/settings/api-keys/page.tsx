import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyCreator } from "@/components/settings/api-key-creator";
import { RevokeApiKey } from "@/components/settings/revoke-api-key";
import { ActiveOrStoppedBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/current-user";
import { listApiKeys } from "@/lib/partners/api-keys";
import { formatDateTime } from "@/lib/format-date";

export const metadata: Metadata = { title: "API keys" };

const headerCell = "px-4 py-3 font-medium";

export default async function ApiKeysPage() {
  const user = await requirePermission("api-keys:manage");
  // Always the signed-in admin's own partner; the page takes no partner from the request.
  const keys = user.partnerId ? await listApiKeys(user.partnerId) : [];
  const partnerName = user.partnerName ?? "your partner";
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
      <p className="mt-1 max-w-3xl text-slate-600">
        Key pairs let {partnerName}&apos;s systems call the Partner API. Send both values with every request, as
        described in the{" "}
        <Link href="/docs/api" className="font-medium text-blue-700 underline-offset-4 hover:underline">
          API reference
        </Link>
        .
      </p>
      <div className="mt-6">
        <ApiKeyCreator partnerName={partnerName}>
          <div className="relative overflow-x-auto">
            <table className="table-cards w-full text-left text-sm">
              <caption className="sr-only">API key pairs of {partnerName}, newest first</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className={headerCell}>
                    API key
                  </th>
                  <th scope="col" className={headerCell}>
                    Created (UTC)
                  </th>
                  <th scope="col" className={headerCell}>
                    Last used (UTC)
                  </th>
                  <th scope="col" className={headerCell}>
                    Status
                  </th>
                  <th scope="col" className={headerCell}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.length === 0 ? (
                  <tr>
                    <td colSpan={5}>
                      <EmptyState title="No key pairs yet">
                        Choose &ldquo;Create API key&rdquo; to get a key and its secret for {partnerName}&apos;s
                        systems, then send both with every Partner API request.
                      </EmptyState>
                    </td>
                  </tr>
                ) : (
                  keys.map((key) => (
                    <tr key={key.publicKey} className={key.revokedAt ? "text-slate-500" : undefined}>
                      <td data-label="API key" className="px-4 py-3 font-mono text-xs break-all">
                        {key.publicKey}
                      </td>
                      <td data-label="Created (UTC)" className="px-4 py-3 whitespace-nowrap">
                        {formatDateTime(key.createdAt)}
                      </td>
                      <td data-label="Last used (UTC)" className="px-4 py-3 whitespace-nowrap">
                        {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}
                      </td>
                      <td data-label="Status" className="px-4 py-3">
                        <ActiveOrStoppedBadge
                          stoppedAt={key.revokedAt}
                          stoppedLabel="Revoked"
                          stoppedTone="neutral"
                          datePrefix="on"
                        />
                      </td>
                      <td className="px-4 py-3 text-right">
                        {key.revokedAt ? null : <RevokeApiKey publicKey={key.publicKey} />}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </ApiKeyCreator>
      </div>
    </div>
  );
}
