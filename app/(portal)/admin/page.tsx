import type { Metadata } from "next";
import Link from "next/link";
import { AccountStatusButton, RoleForm } from "@/components/admin/account-controls";
import { CreateAccountForm } from "@/components/admin/create-account-form";
import { PartnersCard } from "@/components/admin/create-partner";
import { ActiveOrStoppedBadge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import {
  isSecurityEventKind,
  listSecurityEvents,
  SECURITY_EVENT_KINDS,
  type AuditEvent,
  type SecurityAction,
} from "@/lib/audit/audit-events";
import { requirePermission } from "@/lib/auth/current-user";
import { PASSWORD_MIN } from "@/lib/auth/passwords";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listPartners } from "@/lib/partners/partners";
import { listUsers } from "@/lib/users/users";
import { formatDateTime, formatDateTimeWithSeconds } from "@/lib/format-date";
import { forPage } from "@/lib/pages/page-error";

export const metadata: Metadata = { title: "Administration" };

const tableHead = "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500";
const headerCell = "px-4 py-3 font-medium";

const EVENT_LABELS: Record<SecurityAction, string> = {
  "sign_in.succeeded": "Signed in",
  "sign_in.failed": "Sign-in failed",
  "sign_in.throttled": "Sign-in throttled",
  "account.created": "Account created",
  "account.role_changed": "Role changed",
  "account.disabled": "Account disabled",
  "account.enabled": "Account enabled",
  "partner.created": "Partner created",
  "partner.rate_limit_changed": "API rate limit changed",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "webhook_endpoint.created": "Webhook endpoint created",
  "webhook_endpoint.secret_rotated": "Webhook secret rotated",
  "webhook_endpoint.deleted": "Webhook endpoint deleted",
  "webhook_endpoint.test_sent": "Webhook test event sent",
};

/** What else an event says, in one line: the account or key it was about, a role change, a reason. */
function eventDetails(event: AuditEvent): string {
  return [
    event.subject,
    event.fromStatus && event.toStatus ? `${event.fromStatus} → ${event.toStatus}` : event.toStatus,
    event.reason,
  ]
    .filter(Boolean)
    .join(" · ");
}

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
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Administration</h1>
        <p className="mt-1 text-slate-600">Partners and the staff accounts that sign in to the portal.</p>
      </div>

      <PartnersCard>
        <div className="relative overflow-x-auto">
          <table className="table-cards w-full text-left text-sm">
            <caption className="sr-only">Partners, by name</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className={headerCell}>
                  Partner
                </th>
                <th scope="col" className={headerCell}>
                  Partner ID
                </th>
                <th scope="col" className={`${headerCell} text-right`}>
                  Staff accounts
                </th>
                <th scope="col" className={headerCell}>
                  Created (UTC)
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {partners.length === 0 ? (
                <tr>
                  <td colSpan={4} className="px-4 py-8 text-center text-slate-500">
                    No partners yet. Create the first one above; its staff accounts come next.
                  </td>
                </tr>
              ) : (
                partners.map((partner) => (
                  <tr key={partner.partnerId}>
                    <td data-label="Partner" className="px-4 py-3 font-medium text-slate-900">
                      {partner.name}
                    </td>
                    <td data-label="Partner ID" className="px-4 py-3 font-mono text-xs break-all">
                      {partner.partnerId}
                    </td>
                    <td data-label="Staff accounts" className="px-4 py-3 text-right tabular-nums">
                      {partner.staffCount}
                    </td>
                    <td data-label="Created (UTC)" className="px-4 py-3 whitespace-nowrap">
                      {formatDateTime(partner.createdAt)}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </PartnersCard>

      <Card>
        <CardHeader
          title="Staff accounts"
          description="A new role applies from the person's next page. A disabled account is signed out at once and cannot sign in."
        />
        <CardBody className="border-b border-slate-200">
          <CreateAccountForm partners={partnerOptions} passwordMin={PASSWORD_MIN} />
        </CardBody>
        <div className="relative overflow-x-auto">
          <table className="table-cards w-full text-left text-sm">
            <caption className="sr-only">Staff accounts, by name</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className={headerCell}>
                  Person
                </th>
                <th scope="col" className={headerCell}>
                  Role
                </th>
                <th scope="col" className={headerCell}>
                  Partner
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
              {accounts.map((account) => {
                const self = account.userId === admin.userId;
                return (
                  <tr key={account.userId} className="align-top">
                    <td data-label="Person" className="min-w-44 px-4 py-3">
                      <span className="font-medium text-slate-900">{account.name}</span>
                      {self ? <span className="ml-1.5 text-xs text-slate-500">(you)</span> : null}
                      <span className="block text-xs break-all text-slate-500">{account.email}</span>
                    </td>
                    <td data-label="Role" className="px-4 py-3">
                      {self ? (
                        <>
                          {account.role ? ROLE_LABELS[account.role] : "Unknown role"}
                          <span className="mt-1 block max-w-56 text-xs text-slate-500">
                            Only another administrator can change your role or disable your account.
                          </span>
                        </>
                      ) : (
                        <RoleForm
                          userId={account.userId}
                          email={account.email}
                          role={account.role}
                          partnerId={account.partnerId}
                          partners={partnerOptions}
                        />
                      )}
                    </td>
                    <td data-label="Partner" className="px-4 py-3">
                      {account.partnerName ?? <span className="text-slate-400">—</span>}
                    </td>
                    <td data-label="Status" className="px-4 py-3">
                      <ActiveOrStoppedBadge
                        stoppedAt={account.disabledAt}
                        stoppedLabel="Disabled"
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
        <CardHeader
          title="Security events"
          titleId="security-events"
          description="Sign-ins, accounts, partners and API keys, newest first. Events are append-only."
        />
        <CardBody className="border-b border-slate-200">
          <form
            method="get"
            action="/admin#security-events"
            aria-label="Filter security events"
            className="flex flex-wrap items-end gap-3"
          >
            <div>
              <label htmlFor="events" className="mb-1 block text-xs font-medium text-slate-600">
                Kind of event
              </label>
              <NativeSelect id="events" name="events" defaultValue={kind ?? ""}>
                <option value="">All security events</option>
                {Object.entries(SECURITY_EVENT_KINDS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <button type="submit" className={buttonClassName("secondary")}>
              Show
            </button>
          </form>
        </CardBody>
        <div className="relative overflow-x-auto">
          <table className="table-cards w-full text-left text-sm">
            <caption className="sr-only">Security events, newest first</caption>
            <thead className={tableHead}>
              <tr>
                <th scope="col" className={headerCell}>
                  When (UTC)
                </th>
                <th scope="col" className={headerCell}>
                  Event
                </th>
                <th scope="col" className={headerCell}>
                  By
                </th>
                <th scope="col" className={headerCell}>
                  Details
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {securityEvents.events.length === 0 ? (
                <tr>
                  <td colSpan={4} className="px-4 py-8 text-center text-slate-500">
                    No events of this kind yet. Choose &ldquo;All security events&rdquo; to see every kind.
                  </td>
                </tr>
              ) : (
                securityEvents.events.map((event) => (
                  <tr key={event.id} className="align-top">
                    <td data-label="When (UTC)" className="px-4 py-3 whitespace-nowrap">
                      <time dateTime={event.at.toISOString()}>{formatDateTimeWithSeconds(event.at)}</time>
                    </td>
                    <td data-label="Event" className="px-4 py-3 font-medium text-slate-900">
                      {EVENT_LABELS[event.action as SecurityAction] ?? event.action}
                    </td>
                    <td data-label="By" className="px-4 py-3 break-all">
                      {event.actor.label}
                    </td>
                    <td data-label="Details" className="px-4 py-3 break-all text-slate-600">
                      {eventDetails(event)}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        {olderHref ? (
          <nav aria-label="Security event pages" className="flex justify-end px-4 py-3">
            <Link href={olderHref} className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
              Older events
            </Link>
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
