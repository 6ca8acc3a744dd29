import { useTranslations } from "next-intl";
import { stepPosition, type WizardStep } from "@/lib/onboarding/wizard-steps";

/**
 * A wizard step's heading: where it stands (`kicker`, by default "Step 2 of 6" in the reader's
 * language), then the step's title and description.
 */
export function StepHeading({ step, kicker, className }: { step: WizardStep; kicker?: string; className?: string }) {
  const t = useTranslations("wizard");
  const position = stepPosition(step);
  return (
    <div className={className}>
      <p className="text-sm font-medium text-blue-700">
        {kicker ?? t("progress.stepOf", { number: position.number, total: position.of })}
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t(`steps.${step}.title`)}</h1>
      <p className="mt-1 text-slate-600">{t(`steps.${step}.description`)}</p>
    </div>
  );
}
