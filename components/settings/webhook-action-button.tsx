"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { FormFailure } from "@/lib/forms/form-failure";
import { WebhookSecretPanel } from "./webhook-secret-panel";

export type WebhookAction = (formData: FormData) => Promise<{ ok: true; secret?: string } | FormFailure>;

/**
 * One button of the webhooks page (send a test event, resend, rotate, delete), posting its hidden
 * fields to a server action it is given. With `confirm`, it asks once more before acting. A new
 * secret in the answer (rotation) is shown once.
 */
export function WebhookActionButton({
  action,
  fields,
  label,
  accessibleName,
  confirm,
  variant = "secondary",
  done,
  onSecret,
}: {
  action: WebhookAction;
  fields: Record<string, string>;
  label: string;
  /** What the button acts on, for screen readers (e.g. the endpoint's URL). */
  accessibleName: string;
  confirm?: { text: string; label: string };
  variant?: ButtonVariant;
  /** Shown after success (e.g. "Test event queued"). */
  done?: string;
  /** Takes a new secret from the answer (rotation) to show it where the caller wants. */
  onSecret?: (secret: string) => void;
}) {
  const t = useTranslations("settings");
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setMessage(null);
    startTransition(async () => {
      try {
        const result = await action(form);
        if (!result.ok) return setMessage({ tone: "error", text: result.message });
        setConfirming(false);
        if (result.secret && onSecret) onSecret(result.secret);
        else if (result.secret) setSecret(result.secret);
        if (done) setMessage({ tone: "ok", text: done });
      } catch {
        setMessage({ tone: "error", text: t("tryAgain") });
      }
    });
  }

  if (secret)
    return <WebhookSecretPanel title={t("webhooks.newSecret")} secret={secret} onDone={() => setSecret(null)} />;

  return (
    <form onSubmit={submit} className="flex flex-col items-start gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && confirming ? (
        <>
          <p className="text-xs text-slate-600">{confirm.text}</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
              {t("cancel")}
              <span className="sr-only"> {accessibleName}</span>
            </Button>
            <Button type="submit" variant="danger" size="sm" pending={pending} autoFocus>
              {confirm.label}
              <span className="sr-only"> {accessibleName}</span>
            </Button>
          </div>
        </>
      ) : confirm ? (
        <Button variant={variant} size="sm" onClick={() => setConfirming(true)}>
          {label}
          <span className="sr-only"> {accessibleName}</span>
        </Button>
      ) : (
        <Button type="submit" variant={variant} size="sm" pending={pending}>
          {label}
          <span className="sr-only"> {accessibleName}</span>
        </Button>
      )}
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "text-xs font-medium text-red-700" : "text-xs text-green-800"}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
