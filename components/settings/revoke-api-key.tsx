"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { revokeApiKeyAction } from "@/app/(portal)/settings/api-keys/actions";
import { Button } from "@/components/ui/button";

/**
 * "Revoke" asks once more before it acts: a revoked pair stops working at once and cannot be
 * restored, so a stray click must not cut a partner's integration off.
 */
export function RevokeApiKey({ publicKey }: { publicKey: string }) {
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
        const result = await revokeApiKeyAction(form);
        if (!result.ok) setError(result.message);
      } catch {
        setError("The key could not be revoked. Try again in a moment.");
      }
    });
  }

  if (!confirming) {
    return (
      <Button ref={revokeButton} variant="secondary" size="sm" onClick={() => setConfirming(true)}>
        Revoke<span className="sr-only"> {publicKey}</span>
      </Button>
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col items-end gap-2">
      <input type="hidden" name="publicKey" value={publicKey} />
      <p className="text-right text-xs text-slate-600">Systems using this key stop working at once.</p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={cancel} disabled={pending}>
          Cancel<span className="sr-only"> revoking {publicKey}</span>
        </Button>
        {/* Focus moves here so that the confirmation is the next thing read and pressed. */}
        <Button type="submit" variant="danger" size="sm" pending={pending} autoFocus>
          Confirm revoke<span className="sr-only"> {publicKey}</span>
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
