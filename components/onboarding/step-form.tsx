"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { Button, buttonClassName } from "@/components/ui/button";
import { useLocale, useTranslations } from "next-intl";
import { fieldLabel } from "@/lib/customers/field-labels";
import type { FieldErrorText } from "@/lib/errors";
import type { FormFailure } from "@/lib/forms/form-failure";
import { stepAfter, stepBefore, type FormStep } from "@/lib/onboarding/wizard-steps";
import type { DraftOnPage } from "./draft-actions";
import { fieldId } from "./form-fields";
import { pendingErrorsKey } from "./pending-errors";
import { useWizardRoutes } from "./wizard-routes";
import { toLocale, type Locale } from "@/lib/i18n/locales";

export { pendingErrorsKey };

function applyFieldErrors<T extends FieldValues>(form: UseFormReturn<T>, errors: FieldErrorText[]): void {
  for (const error of errors) form.setError(error.field as Path<T>, { type: "server", message: error.message });
}

/** The paths of the form's fields in error, in form order: `business_details.website`, … */
function errorPaths(errors: unknown, prefix = ""): string[] {
  if (!errors || typeof errors !== "object") return [];
  const found: string[] = [];
  const node = errors as Record<string, unknown>;
  if (typeof node.message === "string" && typeof node.type === "string" && prefix) {
    found.push(prefix);
    // A leaf holds its DOM element in `ref`: nothing more to walk, unless it is a list with errors of its own.
    if (!Array.isArray(errors)) return found;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
    const path = key === "root" ? prefix : prefix ? `${prefix}.${key}` : key;
    for (const inner of errorPaths(value, path)) if (!found.includes(inner)) found.push(inner);
  }
  return found;
}

/** Moves focus to a field from the error banner's link (the browser alone would only scroll). */
function focusField(event: React.MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "center" });
}

/** Focus the first invalid control in reading order, once React has marked it. */
function focusFirstError(container: HTMLElement | null): void {
  requestAnimationFrame(() => container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * Optional: how a step form is used outside the onboarding wizard, e.g. by partner staff fixing
 * the fields a reviewer asked for. Every default is the wizard's.
 */
export interface StepFormOptions {
  /** Where to go after a successful save (default: the wizard's next step). */
  nextHref?: string;
  /** Go to nextHref with a full page load (it may send the browser on to another site). */
  nextLeave?: boolean;
  /** Where Back leads (default: the wizard's previous step, or the drafts). */
  backHref?: string;
  backLabel?: string;
  /** No Back button at all (where the wizard's previous step is not this form's to show). */
  noBack?: boolean;
  /** The submit button's label (default: "Save and continue"). */
  submitLabel?: string;
  /**
   * Notes shown on fields when the form opens, by field path (e.g. what a reviewer asked to fix).
   * They mark the field until the form is submitted, and never block a save.
   */
  fieldNotes?: FieldErrorText[];
}

let validation: Promise<typeof import("./step-validation")> | null = null;

/** The validation code (Zod and the section schemas), fetched once, on first use. */
function loadValidation(): Promise<typeof import("./step-validation")> {
  validation ??= import("./step-validation").catch((error: unknown) => {
    validation = null; // a later attempt may succeed
    throw error;
  });
  return validation;
}

/**
 * The step's schema as a resolver, loaded when the form first validates (the form starts loading
 * it when it gets focus). Should the code not load, the browser skips its check for this attempt:
 * the server validates every save with the same schema and its errors land on the fields.
 */
function lazyStepResolver<T extends FieldValues>(step: FormStep, locale: Locale): Resolver<T> {
  return async (values, context, options) => {
    let resolver: Resolver<FieldValues>;
    try {
      resolver = (await loadValidation()).stepResolver(step, locale);
    } catch {
      return { values, errors: {} };
    }
    return (await resolver(values, context, options as never)) as never;
  };
}

/** Refusals that mean the page shows an older draft than the one stored: reloading it helps. */
function isStale(failure: FormFailure): boolean {
  return failure.code === "conflict" || failure.code === "draft_not_open";
}

/**
 * One wizard step: validated in the browser by the step's section schema (the API's own), then
 * saved to the draft by a server action that validates again, with the draft version the page
 * was loaded at. Server field errors land on the fields; focus moves to the first error. A save
 * from a page older than the stored draft is refused, and "Reload" fetches the draft as it is
 * now (the page keys this form by version, so it starts again from the stored values).
 */
export function StepForm<T extends FieldValues>({
  draft,
  step,
  defaultValues,
  children,
  options,
}: {
  draft: DraftOnPage;
  step: FormStep;
  defaultValues: DefaultValues<T>;
  children: (form: UseFormReturn<T>) => ReactNode;
  options?: StepFormOptions;
}) {
  const draftId = draft.id;
  const labels = useTranslations("fields");
  const locale = toLocale(useLocale());
  const t = useTranslations("wizard.form");
  const router = useRouter();
  const routes = useWizardRoutes(draftId);
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState<FormFailure | null>(null);
  const [reloading, startReload] = useTransition();
  const reloadButton = useRef<HTMLButtonElement>(null);
  const formElement = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const form = useForm<T>({
    resolver: lazyStepResolver<T>(step, locale),
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
    const errors = (JSON.parse(pending) as FieldErrorText[]).filter(
      (error) => error.field.split(".")[0] in form.getValues(),
    );
    applyFieldErrors(form, errors);
    focusFirstError(formElement.current);
  }, [draftId, form]);

  const fieldNotes = options?.fieldNotes;
  useEffect(() => {
    if (!fieldNotes) return;
    for (const note of fieldNotes) {
      form.setError(note.field as Path<T>, { type: "note", message: note.message });
    }
  }, [fieldNotes, form]);

  const onValid = async () => {
    setMessage(null);
    setStale(null);
    const result = await draft.saveStep(draftId, step, form.getValues(), draft.version);
    if (!result.ok && isStale(result)) {
      setStale(result);
      requestAnimationFrame(() => reloadButton.current?.focus());
      return;
    }
    if (!result.ok) {
      setMessage(result.message);
      applyFieldErrors(form, result.fieldErrors);
      focusFirstError(formElement.current);
      return;
    }
    if (options?.nextHref && options.nextLeave) window.location.assign(options.nextHref);
    else router.push(options?.nextHref ?? `${routes.base}/${stepAfter(step)}`);
  };

  const onInvalid = () => {
    setMessage(t("needsAttention"));
    focusFirstError(formElement.current);
  };

  const errorCount = Object.keys(form.formState.errors).length;
  const fieldErrors = errorPaths(form.formState.errors as FieldErrors);
  const summary = message ?? (errorCount > 0 && form.formState.submitCount > 0 ? t("needsAttention") : null);
  const previous = stepBefore(step);
  return (
    <form
      ref={formElement}
      method="post"
      noValidate
      onFocus={() => void loadValidation().catch(() => undefined)}
      onSubmit={(event) => void form.handleSubmit(onValid, onInvalid)(event)}
      className="space-y-6"
    >
      {stale ? (
        <Alert tone="error" title={t("notSaved")}>
          <p>{stale.message}</p>
          <Button
            ref={reloadButton}
            type="button"
            variant="secondary"
            className="mt-3"
            pending={reloading}
            onClick={() => startReload(() => router.refresh())}
          >
            {t("reload")}
          </Button>
        </Alert>
      ) : summary ? (
        <Alert tone="error" title={t("checkStep")}>
          <p>{summary}</p>
          {fieldErrors.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {/* Named, not repeated: each message is shown on its field, where the link leads. */}
              {fieldErrors.map((path) => (
                <li key={path}>
                  <a
                    href={`#${fieldId(path)}`}
                    onClick={(event) => focusField(event, fieldId(path))}
                    className="font-medium underline underline-offset-2 hover:no-underline"
                  >
                    {fieldLabel(path, labels)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {children(form)}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-6">
        {options?.noBack ? (
          <span />
        ) : options?.backHref ? (
          <Link href={options.backHref} className={buttonClassName("secondary", "md")}>
            {options.backLabel ?? t("back")}
          </Link>
        ) : previous ? (
          <Link href={`${routes.base}/${previous}`} className={buttonClassName("secondary", "md")}>
            {t("back")}
          </Link>
        ) : routes.exit ? (
          <Link href={routes.exit.href} className={buttonClassName("ghost", "md")}>
            {routes.exit.label ?? t("backToDrafts")}
          </Link>
        ) : (
          <span />
        )}
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting} disabled={!hydrated}>
          {options?.submitLabel ?? t("saveAndContinue")}
        </Button>
      </div>
    </form>
  );
}
