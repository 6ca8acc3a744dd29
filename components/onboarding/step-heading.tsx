import { WIZARD_STEPS, type WizardStep } from "@/lib/onboarding/wizard-steps";

/** A wizard step's heading: where it stands (`kicker`), then the step's title and description. */
export function StepHeading({ step, kicker, className }: { step: WizardStep; kicker: string; className?: string }) {
  const meta = WIZARD_STEPS.find((candidate) => candidate.slug === step)!;
  return (
    <div className={className}>
      <p className="text-sm font-medium text-blue-700">{kicker}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{meta.title}</h1>
      <p className="mt-1 text-slate-600">{meta.description}</p>
    </div>
  );
}
