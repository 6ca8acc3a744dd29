"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { FormFailure } from "@/lib/forms/form-failure";

export type RevokeApiKeyAction = (formData: FormData) => Promise<{ ok: true } | FormFailure>;

/**
 * "Revoke" asks once more before it acts: a revoked pair stops working at once and cannot be
 * restored, so a stray click must not cut a partner's integration off.
 */
export function RevokeApiKey({ publicKey, revokeApiKey }: { publicKey: string; revokeApiKey: RevokeApiKeyAction }) {
  const t = useTranslations("settings");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const revokeButton = useRef<HTMLButtonElement>(null);

  function cancel() {
    setConfirming(false);
    setError(null);
    requestAnimationFrame(() => revokeButton.current?.focus());
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      try {
        const result = await revokeApiKey(form);
        if (!result.ok) setError(result.message);
      } catch {
        setError(t("apiKeys.revokeFailed"));
      }
    });
  }

  if (!confirming) {
    return (
      <Button ref={revokeButton} variant="secondary" size="sm" onClick={() => setConfirming(true)}>
        {t("apiKeys.revoke")}
        <span className="sr-only"> {publicKey}</span>
      </Button>
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col items-end gap-2">
      <input type="hidden" name="publicKey" value={publicKey} />
      <p className="text-right text-xs text-slate-600">{t("apiKeys.revokeWarning")}</p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={cancel} disabled={pending}>
          {t("cancel")}
          <span className="sr-only"> {t("apiKeys.cancelRevoking", { key: publicKey })}</span>
        </Button>
        {/* Focus moves here so that the confirmation is the next thing read and pressed. */}
        <Button type="submit" variant="danger" size="sm" pending={pending} autoFocus>
          {t("apiKeys.confirmRevoke")}
          <span className="sr-only"> {publicKey}</span>
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-right text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
