"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormFailure } from "@/lib/forms/form-failure";
import { WebhookSecretPanel } from "./webhook-secret-panel";

export type CreateWebhookEndpoint = (
  formData: FormData,
) => Promise<{ ok: true; endpointId: string; secret: string } | FormFailure>;

/** The "Add endpoint" form: URL and event types; the signing secret is shown once on success. */
export function WebhookEndpointCreator({
  action,
  eventTypes,
}: {
  action: CreateWebhookEndpoint;
  eventTypes: readonly string[];
}) {
  const t = useTranslations("settings.webhooks");
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const urlError = failure?.fieldErrors.find((error) => error.field === "url")?.message;
  const typesError = failure?.fieldErrors.find((error) => error.field.startsWith("event_types"))?.message;
  const urlHint = t("urlHint");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setFailure(null);
    startTransition(async () => {
      try {
        const result = await action(data);
        if (!result.ok) return setFailure(result);
        setSecret(result.secret);
        form.current?.reset();
      } catch {
        setFailure({ ok: false, message: t("addFailed"), fieldErrors: [] });
      }
    });
  }

  return (
    <div className="space-y-4">
      {secret ? <WebhookSecretPanel title={t("addedTitle")} secret={secret} onDone={() => setSecret(null)} /> : null}
      {failure && failure.fieldErrors.length === 0 ? (
        <Alert tone="error" title={t("addErrorTitle")}>
          {failure.message}
        </Alert>
      ) : null}
      <form ref={form} onSubmit={submit} className="grid gap-4" noValidate>
        <Field id={`${id}-url`} label={t("urlLabel")} hint={urlHint} error={urlError} required>
          <Input
            id={`${id}-url`}
            name="url"
            type="url"
            required
            placeholder="https://example.com/axisfi/webhooks"
            invalid={Boolean(urlError)}
            aria-describedby={describedBy(`${id}-url`, { hint: urlHint, error: urlError })}
          />
        </Field>
        <fieldset aria-describedby={typesError ? `${id}-types-error` : undefined}>
          <legend className="text-sm font-medium text-slate-900">{t("eventsLegend")}</legend>
          <div className="mt-2 grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {eventTypes.map((type) => (
              <div key={type}>
                <label className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    name="event_types"
                    value={type}
                    defaultChecked
                    className="size-4"
                    aria-describedby={t.has(`eventTypes.${type}`) ? `${id}-${type}-about` : undefined}
                  />
                  <span className="font-mono text-xs break-all">{type}</span>
                </label>
                {t.has(`eventTypes.${type}`) ? (
                  <p id={`${id}-${type}-about`} className="mt-0.5 ml-6 text-xs text-slate-600">
                    {t(`eventTypes.${type}`)}
                  </p>
                ) : null}
              </div>
            ))}
          </div>
          {typesError ? (
            <p id={`${id}-types-error`} className="mt-1 text-sm text-red-700">
              {typesError}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" variant="primary" pending={pending} disabled={!hydrated}>
            {t("addSubmit")}
          </Button>
        </div>
      </form>
    </div>
  );
}
