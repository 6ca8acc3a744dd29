"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { Button, buttonClassName } from "@/components/ui/button";
import { saveStepAction } from "@/app/(portal)/onboarding/actions";
import type { FieldError } from "@/lib/errors";
import { STEP_SCHEMAS, stepAfter, stepBefore, type FormStep } from "@/lib/onboarding/steps";

/** Where the review step leaves the server's field errors for the step that shows them. */
export function pendingErrorsKey(draftId: string): string {
  return `axisfi:onboarding:${draftId}:errors`;
}

function applyFieldErrors<T extends FieldValues>(form: UseFormReturn<T>, errors: FieldError[]): void {
  for (const error of errors) form.setError(error.field as Path<T>, { type: "server", message: error.message });
}

/** Focus the first invalid control in reading order, once React has marked it. */
function focusFirstError(container: HTMLElement | null): void {
  requestAnimationFrame(() => container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
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
  const formElement = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const form = useForm<T>({
    // The resolver's input and output types differ (the schema normalises); the form holds input.
    resolver: zodResolver(STEP_SCHEMAS[step]) as never,
    defaultValues,
    // Validating on blur would move the layout under a pointer on its way to "Save and continue".
    mode: "onSubmit",
    reValidateMode: "onChange",
    // Focus follows the page's reading order (focusFirstError), not the order fields registered in.
    shouldFocusError: false,
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
    focusFirstError(formElement.current);
  }, [draftId, form]);

  const onValid = async () => {
    setMessage(null);
    const result = await saveStepAction(draftId, step, form.getValues());
    if (!result.ok) {
      setMessage(result.message);
      applyFieldErrors(form, result.fieldErrors);
      focusFirstError(formElement.current);
      return;
    }
    router.push(`/onboarding/${draftId}/${stepAfter(step)}`);
  };

  const onInvalid = () => {
    setMessage("Some fields need your attention.");
    focusFirstError(formElement.current);
  };

  const errorCount = Object.keys(form.formState.errors).length;
  const summary =
    message ?? (errorCount > 0 && form.formState.submitCount > 0 ? "Some fields need your attention." : null);
  const previous = stepBefore(step);
  return (
    <form
      ref={formElement}
      method="post"
      noValidate
      onSubmit={(event) => void form.handleSubmit(onValid, onInvalid)(event)}
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
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting} disabled={!hydrated}>
          Save and continue
        </Button>
      </div>
    </form>
  );
}
