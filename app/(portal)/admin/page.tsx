import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AccountStatusButton, RoleForm } from "@/components/admin/account-controls";
import { CreateAccountForm } from "@/components/admin/create-account-form";
import { PartnersCard } from "@/components/admin/create-partner";
import { ActiveOrStopped } from "@/components/settings/active-or-stopped";
import { buttonClassName } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import {
  isSecurityEventKind,
  listSecurityEvents,
  SECURITY_EVENT_KINDS,
  type AuditEvent,
} from "@/lib/audit/audit-events";
import { actorLabel, clientAddressOf, rateLimitOf, signInFailureOf } from "@/lib/audit/audit-words";
import { requirePermission } from "@/lib/auth/current-user";
import { PASSWORD_MIN } from "@/lib/auth/passwords";
import { listPartners } from "@/lib/partners/partners";
import { listUsers } from "@/lib/users/users";
import { formatDateTime, formatDateTimeWithSeconds } from "@/lib/format-date";
import { toLocale } from "@/lib/i18n/locales";
import { forPage } from "@/lib/pages/page-error";
import { changeRoleAction, createAccountAction, createPartnerAction, setAccountDisabledAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.admin");
  return { title: t("pageTitle") };
}

const tableHead = "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500";
const headerCell = "px-4 py-3 font-medium";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requirePermission("admin:manage");
  const params = await searchParams;
  const kind = isSecurityEventKind(params.events) ? params.events : undefined;
  const [partners, accounts, securityEvents] = await Promise.all([
    listPartners(),
    listUsers(),
    forPage(listSecurityEvents(admin, { kind, before: params.before })),
  ]);
  const olderHref = securityEvents.olderThan
    ? `/admin?${new URLSearchParams({ ...(kind ? { events: kind } : {}), before: securityEvents.olderThan })}#security-events`
    : null;
  const partnerOptions = partners.map(({ partnerId, name }) => ({ partnerId, name }));
  const [t, common, actors, settings, locale] = await Promise.all([
    getTranslations("settings.admin"),
    getTranslations("common"),
    getTranslations("common.actors"),
    getTranslations("settings"),
    getLocale().then(toLocale),
  ]);
  /** A security event's name; an action this page does not know yet shows as its code. */
  const eventLabel = (action: string) => (t.has(`events.${action}`) ? t(`events.${action}`) : action);
  /** A role by its code (account events record roles as their from/to); an unknown code as it is. */
  const roleLabel = (code: string) => (common.has(`roles.${code}`) ? common(`roles.${code}`) : code);
  /** What else an event says, in one line: the account, key or address it was about, a role change, a reason. */
  const eventDetails = (event: AuditEvent): string => {
    const address = clientAddressOf(event.subject);
    const limit = event.action === "partner.rate_limit_changed" ? rateLimitOf(event.subject) : undefined;
    const failure = signInFailureOf(event.reason);
    return [
      address
        ? t("details.clientAddress", { address })
        : limit !== undefined
          ? limit
            ? t("details.rateLimit", { perSecond: limit.perSecond, burst: limit.burst })
            : t("details.defaultRateLimit")
          : event.subject,
      event.fromStatus && event.toStatus
        ? t("details.roleChange", { from: roleLabel(event.fromStatus), to: roleLabel(event.toStatus) })
        : event.toStatus && roleLabel(event.toStatus),
      failure ? t(`details.signInFailures.${failure}`) : event.reason,
    ]
      .filter(Boolean)
      .join(" · ");
  };
  const partnerColumns = {
    partner: t("partnerColumns.partner"),
    partnerId: t("partnerColumns.partnerId"),
    staff: t("partnerColumns.staff"),
    created: t("partnerColumns.created"),
  };
  const accountColumns = {
    person: t("accountColumns.person"),
    role: t("accountColumns.role"),
    partner: t("accountColumns.partner"),
    status: t("accountColumns.status"),
  };
  const securityColumns = {
    when: t("securityColumns.when"),
    event: t("securityColumns.event"),
    by: t("securityColumns.by"),
    details: t("securityColumns.details"),
  };
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>

      <PartnersCard createPartner={createPartnerAction}>
        <p id="partner-count" className="px-4 pt-3 text-sm font-medium text-slate-700">
          {t("partnersCount", { count: partners.length })}
        </p>
        <div className="relative overflow-x-auto">
          <table className="table-cards w-full text-left text-sm" aria-describedby="partner-count">
            <caption className="sr-only">{t("partnersCaption")}</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className={headerCell}>
                  {partnerColumns.partner}
                </th>
                <th scope="col" className={headerCell}>
                  {partnerColumns.partnerId}
                </th>
                <th scope="col" className={`${headerCell} text-right`}>
                  {partnerColumns.staff}
                </th>
                <th scope="col" className={headerCell}>
                  {partnerColumns.created}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {partners.length === 0 ? (
                <tr>
                  <td colSpan={4} className="px-4 py-8 text-center text-slate-500">
                    {t("noPartners")}
                  </td>
                </tr>
              ) : (
                partners.map((partner) => (
                  <tr key={partner.partnerId}>
                    <td data-label={partnerColumns.partner} className="px-4 py-3 font-medium text-slate-900">
                      {partner.name}
                    </td>
                    <td data-label={partnerColumns.partnerId} className="px-4 py-3 font-mono text-xs break-all">
                      {partner.partnerId}
                    </td>
                    <td data-label={partnerColumns.staff} className="px-4 py-3 text-right tabular-nums">
                      {partner.staffCount}
                    </td>
                    <td data-label={partnerColumns.created} className="px-4 py-3 whitespace-nowrap">
                      {formatDateTime(partner.createdAt, locale)}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </PartnersCard>

      <Card>
        <CardHeader title={t("accountsTitle")} description={t("accountsDescription")} />
        <CardBody className="border-b border-slate-200">
          <CreateAccountForm partners={partnerOptions} passwordMin={PASSWORD_MIN} createAccount={createAccountAction} />
        </CardBody>
        <p id="account-count" className="px-4 pt-3 text-sm font-medium text-slate-700">
          {t("accountsCount", {
            count: accounts.length,
            disabled: accounts.filter((account) => account.disabledAt !== null).length,
          })}
        </p>
        <div className="relative overflow-x-auto">
          <table className="table-cards w-full text-left text-sm" aria-describedby="account-count">
            <caption className="sr-only">{t("accountsCaption")}</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className={headerCell}>
                  {accountColumns.person}
                </th>
                <th scope="col" className={headerCell}>
                  {accountColumns.role}
                </th>
                <th scope="col" className={headerCell}>
                  {accountColumns.partner}
                </th>
                <th scope="col" className={headerCell}>
                  {accountColumns.status}
                </th>
                <th scope="col" className={headerCell}>
                  <span className="sr-only">{settings("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {accounts.map((account) => {
                const self = account.userId === admin.userId;
                return (
                  <tr key={account.userId} className="align-top">
                    <td data-label={accountColumns.person} className="min-w-44 px-4 py-3">
                      <span className="font-medium text-slate-900">{account.name}</span>
                      {self ? <span className="ml-1.5 text-xs text-slate-500">{t("you")}</span> : null}
                      <span className="block text-xs break-all text-slate-500">{account.email}</span>
                    </td>
                    <td data-label={accountColumns.role} className="px-4 py-3">
                      {self ? (
                        <>
                          {account.role ? common(`roles.${account.role}`) : t("unknownRole")}
                          <span className="mt-1 block max-w-56 text-xs text-slate-500">{t("selfNote")}</span>
                        </>
                      ) : (
                        <RoleForm
                          userId={account.userId}
                          email={account.email}
                          role={account.role}
                          partnerId={account.partnerId}
                          partners={partnerOptions}
                          changeRole={changeRoleAction}
                        />
                      )}
                    </td>
                    <td data-label={accountColumns.partner} className="px-4 py-3">
                      {account.partnerName ?? <span className="text-slate-400">—</span>}
                    </td>
                    <td data-label={accountColumns.status} className="px-4 py-3">
                      <ActiveOrStopped
                        stoppedAt={account.disabledAt}
                        stoppedLabel={t("disabled")}
                        stoppedTone="danger"
                        datePrefix="since"
                      />
                    </td>
                    <td className="px-4 py-3 text-right">
                      {self ? null : (
                        <AccountStatusButton
                          userId={account.userId}
                          email={account.email}
                          disabled={account.disabledAt !== null}
                          setAccountDisabled={setAccountDisabledAction}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>

      <Card>
        <CardHeader title={t("securityTitle")} titleId="security-events" description={t("securityDescription")} />
        <CardBody className="border-b border-slate-200">
          <form
            method="get"
            action="/admin#security-events"
            aria-label={t("securityFilter")}
            className="flex flex-wrap items-end gap-3"
          >
            <div>
              <label htmlFor="events" className="mb-1 block text-xs font-medium text-slate-600">
                {t("eventKind")}
              </label>
              <NativeSelect id="events" name="events" defaultValue={kind ?? ""}>
                <option value="">{t("allEvents")}</option>
                {SECURITY_EVENT_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t(`kinds.${value}`)}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <button type="submit" className={buttonClassName("secondary")}>
              {t("show")}
            </button>
          </form>
        </CardBody>
        <div className="relative overflow-x-auto">
          <table className="table-cards w-full text-left text-sm">
            <caption className="sr-only">{t("securityCaption")}</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className={headerCell}>
                  {securityColumns.when}
                </th>
                <th scope="col" className={headerCell}>
                  {securityColumns.event}
                </th>
                <th scope="col" className={headerCell}>
                  {securityColumns.by}
                </th>
                <th scope="col" className={headerCell}>
                  {securityColumns.details}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {securityEvents.events.length === 0 ? (
                <tr>
                  <td colSpan={4} className="px-4 py-8 text-center text-slate-500">
                    {t("noEvents")}
                  </td>
                </tr>
              ) : (
                securityEvents.events.map((event) => (
                  <tr key={event.id} className="align-top">
                    <td data-label={securityColumns.when} className="px-4 py-3 whitespace-nowrap">
                      <time dateTime={event.at.toISOString()}>{formatDateTimeWithSeconds(event.at, locale)}</time>
                    </td>
                    <td data-label={securityColumns.event} className="px-4 py-3 font-medium text-slate-900">
                      {eventLabel(event.action)}
                    </td>
                    <td data-label={securityColumns.by} className="px-4 py-3 break-all">
                      {actorLabel(event.actor, actors)}
                    </td>
                    <td data-label={securityColumns.details} className="px-4 py-3 break-all text-slate-600">
                      {eventDetails(event)}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        {olderHref ? (
          <nav aria-label={t("eventPages")} className="flex justify-end px-4 py-3">
            <Link href={olderHref} className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
              {t("olderEvents")}
            </Link>
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
