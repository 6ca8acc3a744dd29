"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { decideAction } from "@/app/(portal)/customers/[customerId]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, describedBy } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";

const LABELS: Record<string, { label: string; variant: "primary" | "danger" | "secondary" }> = {
  approve: { label: "Approve", variant: "primary" },
  reject: { label: "Reject", variant: "danger" },
  suspend: { label: "Suspend", variant: "danger" },
  reactivate: { label: "Reactivate", variant: "primary" },
};

/** A reviewer's decision: one of the transitions open from the current status, always with a reason. */
export function DecisionPanel({
  customerId,
  decisions,
  version,
}: {
  customerId: string;
  decisions: string[];
  version: number;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; reason?: string } | null>(null);

  async function decide(decision: string) {
    setPending(decision);
    setError(null);
    const result = await decideAction(customerId, decision, reason, version);
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
    return <p className="text-sm text-slate-600">No decision is open for a customer in this status.</p>;
  }
  const id = "decision-reason";
  return (
    <div className="space-y-4">
      {error ? (
        <Alert tone="error" title="The decision was not recorded">
          {error.message}
        </Alert>
      ) : null}
      <Field
        id={id}
        label="Reason"
        hint="Recorded in the audit trail with your decision."
        error={error?.reason}
        required
      >
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
            variant={LABELS[decision]?.variant ?? "secondary"}
            pending={pending === decision}
            disabled={pending !== null}
            onClick={() => void decide(decision)}
          >
            {LABELS[decision]?.label ?? decision}
          </Button>
        ))}
      </div>
    </div>
  );
}
