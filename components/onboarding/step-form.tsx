"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { saveStepAction } from "@/app/(portal)/onboarding/actions";
import type { FieldError } from "@/lib/errors";
import { STEP_SCHEMAS, stepAfter, stepBefore, type FormStep } from "@/lib/onboarding/steps";

/** Where the review step leaves the server's field errors for the step that shows them. */
export function pendingErrorsKey(draftId: string): string {
  return `axisfi:onboarding:${draftId}:errors`;
}

function applyFieldErrors<T extends FieldValues>(form: UseFormReturn<T>, errors: FieldError[]): void {
  errors.forEach((error, index) => {
    form.setError(error.field as Path<T>, { type: "server", message: error.message }, { shouldFocus: index === 0 });
  });
}

/**
 * One wizard step: validated in the browser by the step's section schema (the API's own), then
 * saved to the draft by a server action that validates again. Server field errors land on the
 * fields; focus moves to the first error.
 */
export function StepForm<T extends FieldValues>({
  draftId,
  step,
  defaultValues,
  children,
}: {
  draftId: string;
  step: FormStep;
  defaultValues: DefaultValues<T>;
  children: (form: UseFormReturn<T>) => ReactNode;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<T>({
    // The resolver's input and output types differ (the schema normalises); the form holds input.
    resolver: zodResolver(STEP_SCHEMAS[step]) as never,
    defaultValues,
    mode: "onTouched",
    shouldFocusError: true,
  });

  useEffect(() => {
    const key = pendingErrorsKey(draftId);
    const pending = sessionStorage.getItem(key);
    if (!pending) return;
    sessionStorage.removeItem(key);
    const errors = (JSON.parse(pending) as FieldError[]).filter(
      (error) => error.field.split(".")[0] in form.getValues(),
    );
    applyFieldErrors(form, errors);
  }, [draftId, form]);

  const onValid = async () => {
    setMessage(null);
    const result = await saveStepAction(draftId, step, form.getValues());
    if (!result.ok) {
      setMessage(result.message);
      applyFieldErrors(form, result.fieldErrors);
      return;
    }
    router.push(`/onboarding/${draftId}/${stepAfter(step)}`);
  };

  const errorCount = Object.keys(form.formState.errors).length;
  const summary =
    message ?? (errorCount > 0 && form.formState.submitCount > 0 ? "Some fields need your attention." : null);
  const previous = stepBefore(step);
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(onValid, () => setMessage("Some fields need your attention."))}
      className="space-y-6"
    >
      {summary ? (
        <Alert tone="error" title="Check this step">
          {summary}
        </Alert>
      ) : null}
      {children(form)}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-6">
        {previous ? (
          <Link href={`/onboarding/${draftId}/${previous}`} className={buttonClassName("secondary", "md")}>
            Back
          </Link>
        ) : (
          <Link href="/onboarding" className={buttonClassName("ghost", "md")}>
            Back to drafts
          </Link>
        )}
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting}>
          Save and continue
        </Button>
      </div>
    </form>
  );
}
