"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FieldErrorText } from "@/lib/errors";
import { stepOfField } from "@/lib/onboarding/wizard-steps";
import type { SubmitDraftAction } from "./draft-actions";
import { pendingErrorsKey } from "./pending-errors";
import { useWizardRoutes } from "./wizard-routes";

export function SubmitDraft({
  draftId,
  reviewedVersion,
  submitDraft,
}: {
  draftId: string;
  /** The draft version this review shows; a submit from a stale review is refused. */
  reviewedVersion: number;
  submitDraft: SubmitDraftAction;
}) {
  const router = useRouter();
  const t = useTranslations("wizard");
  const routes = useWizardRoutes(draftId);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; fieldErrors: FieldErrorText[]; stale: boolean } | null>(
    null,
  );
  // A second click while the first is on its way is ignored here; the server would answer it with
  // the same customer anyway.
  const submitting = useRef(false);

  async function submit() {
    if (submitting.current) return;
    submitting.current = true;
    setPending(true);
    setRefusal(null);
    try {
      const result = await submitDraft(draftId, reviewedVersion);
      if (result.ok) {
        if (routes.afterSubmit.leave) window.location.assign(routes.afterSubmit.href);
        else router.push(routes.afterSubmit.href);
        return;
      }
      setRefusal({ ...result, stale: result.code === "conflict" });
      sessionStorage.setItem(pendingErrorsKey(draftId), JSON.stringify(result.fieldErrors));
    } finally {
      submitting.current = false;
      setPending(false);
    }
  }

  const steps = [...new Set(refusal?.fieldErrors.map((error) => stepOfField(error.field)) ?? [])];
  return (
    <div className="space-y-4">
      {refusal ? (
        <Alert tone="error" title={t("submit.failed")}>
          <p>{refusal.message}</p>
          {refusal.stale ? (
            <Button className="mt-2" variant="secondary" onClick={() => router.refresh()}>
              {t("submit.reload")}
            </Button>
          ) : null}
          {steps.length > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {steps.map((step) => (
                <li key={step}>
                  <Link className="underline" href={`${routes.base}/${step}`}>
                    {t("submit.correct", { step: t(`steps.${step}.title`) })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <Button variant="primary" onClick={submit} pending={pending}>
        {t("submit.submit")}
      </Button>
    </div>
  );
}
