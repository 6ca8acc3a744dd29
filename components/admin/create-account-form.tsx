"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { isPartnerRole, ROLES, type Role } from "@/lib/auth/roles";
import type { AccountAction } from "./admin-actions";
import { errorsByField, focusFirstInvalid } from "./form-errors";

export interface PartnerOption {
  partnerId: string;
  name: string;
}

type Outcome = { ok: true; message: string } | { ok: false; message: string; fields: Record<string, string> };

const DEFAULT_ROLE: Role = "partner_user";

export function CreateAccountForm({
  partners,
  passwordMin,
  createAccount,
}: {
  partners: PartnerOption[];
  passwordMin: number;
  createAccount: AccountAction;
}) {
  const t = useTranslations("settings.admin");
  const roles = useTranslations("common.roles");
  const form = useRef<HTMLFormElement>(null);
  const [role, setRole] = useState<Role>(DEFAULT_ROLE);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Once React has committed the refusal (updates inside a transition land late), focus its first field.
  useEffect(() => {
    if (outcome && !outcome.ok) focusFirstInvalid(form.current);
  }, [outcome]);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    setOutcome(null);
    startTransition(async () => {
      try {
        const result = await createAccount(data);
        if (result.ok) {
          element.reset();
          setRole(DEFAULT_ROLE);
          setOutcome(result);
          return;
        }
        setOutcome({ ok: false, message: result.message, fields: errorsByField(result.fieldErrors) });
      } catch {
        setOutcome({ ok: false, message: t("accountFailed"), fields: {} });
      }
    });
  }

  const errors = outcome && !outcome.ok ? outcome.fields : {};
  const passwordHint = t("passwordHint", { min: passwordMin });
  const partnerHint = t("partnerHint");
  return (
    <form ref={form} onSubmit={submit} noValidate aria-labelledby="create-account-title" className="space-y-4">
      <h3 id="create-account-title" className="text-sm font-semibold text-slate-900">
        {t("createAccount")}
      </h3>
      {outcome ? (
        outcome.ok ? (
          <Alert tone="success">{outcome.message}</Alert>
        ) : (
          <Alert tone="error" title={t("accountErrorTitle")}>
            {outcome.message}
          </Alert>
        )
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="account-name" label={t("fullName")} error={errors.name} required>
          <Input
            id="account-name"
            name="name"
            required
            maxLength={200}
            autoComplete="off"
            invalid={Boolean(errors.name)}
            aria-describedby={describedBy("account-name", { error: errors.name })}
          />
        </Field>
        <Field id="account-email" label={t("email")} error={errors.email} required>
          <Input
            id="account-email"
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            invalid={Boolean(errors.email)}
            aria-describedby={describedBy("account-email", { error: errors.email })}
          />
        </Field>
        <Field id="account-password" label={t("initialPassword")} hint={passwordHint} error={errors.password} required>
          <Input
            id="account-password"
            name="password"
            type="password"
            required
            minLength={passwordMin}
            autoComplete="new-password"
            invalid={Boolean(errors.password)}
            aria-describedby={describedBy("account-password", { hint: passwordHint, error: errors.password })}
          />
        </Field>
        <Field id="account-role" label={t("role")} error={errors.role} required>
          <NativeSelect
            id="account-role"
            name="role"
            required
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            invalid={Boolean(errors.role)}
            aria-describedby={describedBy("account-role", { error: errors.role })}
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {roles(option)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {isPartnerRole(role) ? (
          <Field id="account-partner" label={t("partner")} hint={partnerHint} error={errors.partnerId} required>
            <NativeSelect
              id="account-partner"
              name="partnerId"
              required
              defaultValue=""
              invalid={Boolean(errors.partnerId)}
              aria-describedby={describedBy("account-partner", { hint: partnerHint, error: errors.partnerId })}
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
          </Field>
        ) : null}
      </div>
      <Button type="submit" variant="primary" pending={pending} disabled={!hydrated}>
        {t("createAccount")}
      </Button>
    </form>
  );
}
