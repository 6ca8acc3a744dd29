"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorIcon } from "@/components/ui/icons";
import { NativeSelect } from "@/components/ui/input";
import { isPartnerRole, ROLES, type Role } from "@/lib/auth/roles";
import type { AccountAction } from "./admin-actions";
import type { PartnerOption } from "./create-account-form";
import { errorsByField } from "./form-errors";

type Outcome = { ok: true; message: string } | { ok: false; message: string; fields: Record<string, string> };

/** Sends a row's form to a server action; the page revalidates, so the row redraws with the new facts. */
function useRowAction(action: AccountAction) {
  const t = useTranslations("settings.admin");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setOutcome(null);
    startTransition(async () => {
      try {
        const result = await action(data);
        setOutcome(
          result.ok ? result : { ok: false, message: result.message, fields: errorsByField(result.fieldErrors) },
        );
      } catch {
        setOutcome({ ok: false, message: t("changeFailed"), fields: {} });
      }
    });
  }

  return { outcome, pending, submit };
}

function RowMessage({ id, outcome }: { id: string; outcome: Outcome | null }) {
  return (
    <p
      id={id}
      role={outcome?.ok === false ? "alert" : "status"}
      className={cn("text-xs", outcome?.ok === false ? "font-medium text-red-700" : "text-green-800")}
    >
      {outcome?.ok === false ? <ErrorIcon className="mr-1 inline size-3.5 align-[-2px]" /> : null}
      {outcome?.message}
    </p>
  );
}

/** A role select (and, for partner roles, a partner select) with "Save role", for one account's row. */
export function RoleForm({
  userId,
  email,
  role,
  partnerId,
  partners,
  changeRole,
}: {
  userId: string;
  email: string;
  role: Role | null;
  partnerId: string | null;
  partners: PartnerOption[];
  changeRole: AccountAction;
}) {
  const t = useTranslations("settings.admin");
  const roles = useTranslations("common.roles");
  const id = useId();
  const [selected, setSelected] = useState<Role | "">(role ?? "");
  const { outcome, pending, submit } = useRowAction(changeRole);
  const hydrated = useHydrated();
  const fieldErrors = outcome && !outcome.ok ? outcome.fields : {};
  const messageId = `${id}-message`;

  return (
    <form onSubmit={submit} noValidate className="space-y-1.5">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-start gap-2">
        <div className="flex flex-col gap-2">
          <label htmlFor={`${id}-role`} className="sr-only">
            {t("roleFor", { email })}
          </label>
          <NativeSelect
            id={`${id}-role`}
            name="role"
            value={selected}
            onChange={(event) => setSelected(event.target.value as Role)}
            invalid={Boolean(fieldErrors.role)}
            aria-describedby={messageId}
            className="w-48"
          >
            {role === null ? (
              <option value="" disabled>
                {t("unknownRole")}
              </option>
            ) : null}
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {roles(option)}
              </option>
            ))}
          </NativeSelect>
          {selected && isPartnerRole(selected) ? (
            <>
              <label htmlFor={`${id}-partner`} className="sr-only">
                {t("partnerFor", { email })}
              </label>
              <NativeSelect
                id={`${id}-partner`}
                name="partnerId"
                defaultValue={partnerId ?? ""}
                invalid={Boolean(fieldErrors.partnerId)}
                aria-describedby={messageId}
                className="w-48"
              >
                <option value="" disabled>
                  {t("choosePartner")}
                </option>
                {partners.map((partner) => (
                  <option key={partner.partnerId} value={partner.partnerId}>
                    {partner.name}
                  </option>
                ))}
              </NativeSelect>
            </>
          ) : null}
        </div>
        <Button
          type="submit"
          variant="secondary"
          size="sm"
          pending={pending}
          disabled={!hydrated}
          className="mt-1 shrink-0 whitespace-nowrap"
        >
          {t("saveRole")}
          <span className="sr-only"> {t("saveRoleFor", { email })}</span>
        </Button>
      </div>
      <RowMessage
        id={messageId}
        outcome={
          outcome && !outcome.ok
            ? { ...outcome, message: fieldErrors.partnerId ?? fieldErrors.role ?? outcome.message }
            : outcome
        }
      />
    </form>
  );
}

/** "Disable" or "Enable" for one account's row. */
export function AccountStatusButton({
  userId,
  email,
  disabled,
  setAccountDisabled,
}: {
  userId: string;
  email: string;
  disabled: boolean;
  setAccountDisabled: AccountAction;
}) {
  const t = useTranslations("settings.admin");
  const id = useId();
  const { outcome, pending, submit } = useRowAction(setAccountDisabled);
  const hydrated = useHydrated();
  return (
    <form onSubmit={submit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        pending={pending}
        disabled={!hydrated}
        aria-describedby={outcome?.ok === false ? `${id}-message` : undefined}
        className="whitespace-nowrap"
      >
        {t(disabled ? "enable" : "disable")}
        <span className="sr-only"> {email}</span>
      </Button>
      {/* Success shows in the row itself (status and button change); only a refusal needs words. */}
      {outcome?.ok === false ? (
        <p id={`${id}-message`} role="alert" className="max-w-56 text-right text-xs font-medium text-red-700">
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
