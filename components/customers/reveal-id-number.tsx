"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormFailure } from "@/lib/forms/form-failure";

export type RevealIdNumberAction = (
  customerId: string,
  position: number,
) => Promise<{ ok: true; idNumber: string } | FormFailure>;

/** A masked ID number that a reviewer may reveal; the reveal is audited on the server. */
export function RevealIdNumber({
  customerId,
  position,
  masked,
  canReveal,
  revealIdNumber,
}: {
  customerId: string;
  position: number;
  masked: string;
  canReveal: boolean;
  revealIdNumber: RevealIdNumberAction;
}) {
  const t = useTranslations("backOffice.reveal");
  const [revealed, setRevealed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function reveal() {
    setPending(true);
    const result = await revealIdNumber(customerId, position);
    setPending(false);
    if (result.ok) setRevealed(result.idNumber);
    else setError(result.message);
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" aria-live="polite">
        {revealed ?? masked}
      </span>
      {canReveal && !revealed ? (
        <Button variant="ghost" size="sm" pending={pending} onClick={() => void reveal()}>
          {t("button", { number: position + 1 })}
        </Button>
      ) : null}
      {error ? <span className="text-sm text-red-700">{error}</span> : null}
    </span>
  );
}
