import "server-only";
import { getTranslations } from "next-intl/server";
import { stepPosition, type WizardStep } from "@/lib/onboarding/wizard-steps";

/** A wizard step page's title, "Company (step 1 of 6)", for the staff wizard and the hosted form alike. */
export async function wizardStepTitle(step: WizardStep): Promise<string> {
  const [t, stepNames] = await Promise.all([getTranslations("onboardingPages"), getTranslations("wizard.steps")]);
  const position = stepPosition(step);
  return t("stepTitle", { step: stepNames(`${step}.title`), number: position.number, of: position.of });
}
