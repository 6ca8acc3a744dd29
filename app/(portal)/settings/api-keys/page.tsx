import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ActiveOrStopped } from "@/components/settings/active-or-stopped";
import { ApiKeyCreator } from "@/components/settings/api-key-creator";
import { RevokeApiKey } from "@/components/settings/revoke-api-key";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/current-user";
import { listApiKeys } from "@/lib/partners/api-keys";
import { formatDateTime } from "@/lib/format-date";
import { toLocale } from "@/lib/i18n/locales";
import { apiReferenceLink } from "@/components/settings/api-reference-link";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.apiKeys");
  return { title: t("pageTitle") };
}

const headerCell = "px-4 py-3 font-medium";

export default async function ApiKeysPage() {
  const user = await requirePermission("api-keys:manage");
  // Always the signed-in admin's own partner; the page takes no partner from the request.
  const keys = user.partnerId ? await listApiKeys(user.partnerId) : [];
  const [t, settings, locale] = await Promise.all([
    getTranslations("settings.apiKeys"),
    getTranslations("settings"),
    getLocale().then(toLocale),
  ]);
  const partner = user.partnerName ?? settings("yourPartner");
  const columns = {
    key: t("columns.key"),
    created: t("columns.created"),
    lastUsed: t("columns.lastUsed"),
    status: t("columns.status"),
  };
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-slate-600">
        {t.rich("intro", {
          partner,
          link: apiReferenceLink,
        })}
      </p>
      <div className="mt-6">
        <ApiKeyCreator partnerName={partner} createApiKey={createApiKeyAction}>
          <p id="api-key-count" className="px-4 pt-3 text-sm font-medium text-slate-700">
            {t("count", { count: keys.length, active: keys.filter((key) => key.revokedAt === null).length })}
          </p>
          <div className="relative overflow-x-auto">
            <table className="table-cards w-full text-left text-sm" aria-describedby="api-key-count">
              <caption className="sr-only">{t("caption", { partner })}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className={headerCell}>
                    {columns.key}
                  </th>
                  <th scope="col" className={headerCell}>
                    {columns.created}
                  </th>
                  <th scope="col" className={headerCell}>
                    {columns.lastUsed}
                  </th>
                  <th scope="col" className={headerCell}>
                    {columns.status}
                  </th>
                  <th scope="col" className={headerCell}>
                    <span className="sr-only">{settings("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.length === 0 ? (
                  <tr>
                    <td colSpan={5}>
                      <EmptyState title={t("emptyTitle")}>{t("emptyBody", { partner })}</EmptyState>
                    </td>
                  </tr>
                ) : (
                  keys.map((key) => (
                    <tr key={key.publicKey} className={key.revokedAt ? "text-slate-500" : undefined}>
                      <td data-label={columns.key} className="px-4 py-3 font-mono text-xs break-all">
                        {key.publicKey}
                      </td>
                      <td data-label={columns.created} className="px-4 py-3 whitespace-nowrap">
                        {formatDateTime(key.createdAt, locale)}
                      </td>
                      <td data-label={columns.lastUsed} className="px-4 py-3 whitespace-nowrap">
                        {key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t("never")}
                      </td>
                      <td data-label={columns.status} className="px-4 py-3">
                        <ActiveOrStopped
                          stoppedAt={key.revokedAt}
                          stoppedLabel={t("revoked")}
                          stoppedTone="neutral"
                          datePrefix="on"
                        />
                      </td>
                      <td className="px-4 py-3 text-right">
                        {key.revokedAt ? null : (
                          <RevokeApiKey publicKey={key.publicKey} revokeApiKey={revokeApiKeyAction} />
                        )}
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
