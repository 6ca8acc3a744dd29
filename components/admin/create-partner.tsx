"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { NewKeyPairPanel } from "@/components/settings/new-key-pair";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { CreatePartnerAction } from "./admin-actions";
import { errorsByField, focusFirstInvalid } from "./form-errors";

type Created = Extract<Awaited<ReturnType<CreatePartnerAction>>, { ok: true }>;

/** The partners card: the "Create partner" form, the new partner's first key pair (once), then the list. */
export function PartnersCard({ createPartner, children }: { createPartner: CreatePartnerAction; children: ReactNode }) {
  const t = useTranslations("settings.admin");
  const form = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  // Once React has committed the refusal (updates inside a transition land late), focus its first field.
  useEffect(() => {
    if (failure) focusFirstInvalid(form.current);
  }, [failure]);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    setFailure(null);
    startTransition(async () => {
      try {
        const result = await createPartner(data);
        if (result.ok) {
          setCreated(result);
          element.reset();
          return;
        }
        setFailure({ message: result.message, fields: errorsByField(result.fieldErrors) });
      } catch {
        setFailure({ message: t("partnerFailed"), fields: {} });
      }
    });
  }

  const nameError = failure?.fields.name;
  return (
    <Card>
      <CardHeader title={t("partnersTitle")} titleId="partners-title" description={t("partnersDescription")} />
      <CardBody className="space-y-4 border-b border-slate-200">
        {failure ? (
          <Alert tone="error" title={t("partnerErrorTitle")}>
            {failure.message}
          </Alert>
        ) : null}
        <form ref={form} onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <Field id="partner-name" label={t("partnerName")} error={nameError} required className="sm:w-96">
            <Input
              id="partner-name"
              name="name"
              required
              maxLength={200}
              autoComplete="organization"
              invalid={Boolean(nameError)}
              aria-describedby={describedBy("partner-name", { error: nameError })}
            />
          </Field>
          <Button type="submit" variant="primary" pending={pending} disabled={!hydrated} className="sm:mt-7">
            {t("createPartner")}
          </Button>
        </form>
        {created ? (
          <NewKeyPairPanel
            title={t("partnerCreated", { name: created.name })}
            publicKey={created.publicKey}
            secret={created.secret}
            onDone={() => setCreated(null)}
          >
            {t.rich("partnerCreatedBody", {
              partnerId: created.partnerId,
              id: (chunks) => <span className="font-mono">{chunks}</span>,
            })}
          </NewKeyPairPanel>
        ) : null}
      </CardBody>
      {children}
    </Card>
  );
}
