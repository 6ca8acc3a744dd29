import type { Metadata } from "next";
import { AccountStatusButton, RoleForm } from "@/components/admin/account-controls";
import { CreateAccountForm } from "@/components/admin/create-account-form";
import { PartnersCard } from "@/components/admin/create-partner";
import { ActiveOrStoppedBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/current-user";
import { PASSWORD_MIN } from "@/lib/auth/passwords";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listPartners } from "@/lib/partners/partners";
import { listUsers } from "@/lib/users/users";
import { formatDateTime } from "@/lib/format-date";

export const metadata: Metadata = { title: "Administration" };

const tableHead = "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500";
const headerCell = "px-4 py-3 font-medium";

export default async function AdminPage() {
  const admin = await requirePermission("admin:manage");
  const [partners, accounts] = await Promise.all([listPartners(), listUsers()]);
  const partnerOptions = partners.map(({ partnerId, name }) => ({ partnerId, name }));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Administration</h1>
        <p className="mt-1 text-slate-600">Partners and the staff accounts that sign in to the portal.</p>
      </div>

      <PartnersCard>
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
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
                    No partners yet.
                  </td>
                </tr>
              ) : (
                partners.map((partner) => (
                  <tr key={partner.partnerId}>
                    <td className="px-4 py-3 font-medium text-slate-900">{partner.name}</td>
                    <td className="px-4 py-3 font-mono text-xs">{partner.partnerId}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{partner.staffCount}</td>
                    <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(partner.createdAt)}</td>
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
          <table className="w-full text-left text-sm">
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
                    <td className="min-w-44 px-4 py-3">
                      <span className="font-medium text-slate-900">{account.name}</span>
                      {self ? <span className="ml-1.5 text-xs text-slate-500">(you)</span> : null}
                      <span className="block text-xs break-all text-slate-500">{account.email}</span>
                    </td>
                    <td className="px-4 py-3">
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
                    <td className="px-4 py-3">{account.partnerName ?? <span className="text-slate-400">—</span>}</td>
                    <td className="px-4 py-3">
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
    </div>
  );
}
