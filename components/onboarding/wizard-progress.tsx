import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { FORM_STEPS, WIZARD_STEPS, type FormStep, type WizardStep } from "@/lib/onboarding/wizard-steps";

/** The catalog key (`wizard.progress.*`) of a step's state, as screen readers hear it after its name. */
function stateKey(isCurrent: boolean, done: boolean): "currentComplete" | "current" | "complete" | "notStarted" {
  if (isCurrent) return done ? "currentComplete" : "current";
  return done ? "complete" : "notStarted";
}

/**
 * Where the person is, and which steps are done (the current one too: a step shown again after
 * it was saved says so); done steps link back for editing.
 */
export function WizardProgress({
  draftId,
  current,
  completed,
  basePath,
}: {
  draftId: string;
  /** Where the steps' pages are (default: the staff wizard's `/onboarding/<draft>`). */
  basePath?: string;
  current: WizardStep;
  completed: FormStep[];
}) {
  const t = useTranslations("wizard");
  return (
    <nav aria-label={t("progress.label")}>
      {/* On a phone the steps are numbers in one row (the heading names the current one); their names stay for screen readers. */}
      <ol className="grid grid-cols-6 gap-1 text-sm sm:gap-2">
        {WIZARD_STEPS.map((step, index) => {
          const done = step.slug !== "review" && completed.includes(step.slug);
          const isCurrent = step.slug === current;
          const linkable = !isCurrent && (done || (step.slug === "review" && completed.length === FORM_STEPS.length));
          const content = (
            <>
              <span
                aria-hidden="true"
                className={cn(
                  "flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold",
                  isCurrent && "border-blue-700 bg-blue-700 text-white",
                  !isCurrent && done && "border-emerald-600 bg-emerald-600 text-white",
                  !isCurrent && !done && "border-slate-300 text-slate-500",
                )}
              >
                {done ? "✓" : index + 1}
              </span>
              <span className="sr-only leading-tight sm:not-sr-only">
                {t(`steps.${step.slug}.title`)}
                <span className="sr-only">{t(`progress.${stateKey(isCurrent, done)}`)}</span>
              </span>
            </>
          );
          return (
            <li
              key={step.slug}
              className={cn(
                "border-t-4 pt-2",
                isCurrent ? "border-blue-700" : done ? "border-emerald-600" : "border-slate-200",
              )}
            >
              {linkable ? (
                <Link
                  href={`${basePath ?? `/onboarding/${draftId}`}/${step.slug}`}
                  className="flex items-center gap-2 text-slate-700 hover:text-blue-700"
                >
                  {content}
                </Link>
              ) : (
                <span
                  className={cn(
                    "flex items-center gap-2",
                    isCurrent ? "font-semibold text-slate-900" : "text-slate-500",
                  )}
                  aria-current={isCurrent ? "step" : undefined}
                >
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
