"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { revealIdNumberAction } from "@/app/(portal)/customers/[customerId]/actions";
import { Button } from "@/components/ui/button";

/** A masked ID number that a reviewer may reveal; the reveal is audited on the server. */
export function RevealIdNumber({
  customerId,
  position,
  masked,
  canReveal,
}: {
  customerId: string;
  position: number;
  masked: string;
  canReveal: boolean;
}) {
  const t = useTranslations("backOffice.reveal");
  const [revealed, setRevealed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function reveal() {
    setPending(true);
    const result = await revealIdNumberAction(customerId, position);
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
