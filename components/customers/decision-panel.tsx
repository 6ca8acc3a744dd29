"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, describedBy } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { FormFailure } from "@/lib/forms/form-failure";

export type DecideAction = (
  customerId: string,
  decision: string,
  reason: string,
  expectedVersion: number,
) => Promise<{ ok: true } | FormFailure>;

/** Each decision's button: its words are the `backOffice` catalog's `decisions.<decision>`. */
const VARIANTS: Record<string, "primary" | "danger"> = {
  approve: "primary",
  reject: "danger",
  suspend: "danger",
  reactivate: "primary",
};

/** A reviewer's decision: one of the transitions open from the current status, always with a reason. */
export function DecisionPanel({
  customerId,
  decisions,
  version,
  decideCustomer,
}: {
  customerId: string;
  decisions: string[];
  version: number;
  decideCustomer: DecideAction;
}) {
  const t = useTranslations("backOffice.decisions");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; reason?: string } | null>(null);

  async function decide(decision: string) {
    setPending(decision);
    setError(null);
    const result = await decideCustomer(customerId, decision, reason, version);
    setPending(null);
    if (!result.ok) {
      setError({
        message: result.message,
        reason: result.fieldErrors.find((field) => field.field === "reason")?.message,
      });
      return;
    }
    setReason("");
    router.refresh();
  }

  if (decisions.length === 0) {
    return <p className="text-sm text-slate-600">{t("noneOpen")}</p>;
  }
  const id = "decision-reason";
  return (
    <div className="space-y-4">
      {error ? (
        <Alert tone="error" title={t("notRecorded")}>
          {error.message}
        </Alert>
      ) : null}
      <Field id={id} label={t("reason")} hint={t("reasonHint")} error={error?.reason} required>
        <Textarea
          id={id}
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          aria-required="true"
          invalid={Boolean(error?.reason)}
          aria-describedby={describedBy(id, { hint: true, error: error?.reason })}
        />
      </Field>
      <div className="flex flex-wrap gap-3">
        {decisions.map((decision) => (
          <Button
            key={decision}
            variant={VARIANTS[decision] ?? "secondary"}
            pending={pending === decision}
            disabled={pending !== null}
            onClick={() => void decide(decision)}
          >
            {Object.hasOwn(VARIANTS, decision) ? t(decision) : decision}
          </Button>
        ))}
      </div>
    </div>
  );
}
