import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { DiscardDraft } from "@/components/onboarding/discard-draft";
import { DoneSummary } from "@/components/onboarding/done-summary";
import { DraftFreshness } from "@/components/onboarding/draft-freshness";
import { DraftReview } from "@/components/onboarding/review";
import { FormStepFields } from "@/components/onboarding/form-step";
import { StepHeading } from "@/components/onboarding/step-heading";
import { SubmitDraft } from "@/components/onboarding/submit-draft";
import { UnsavedChangesGuard } from "@/components/onboarding/unsaved-changes-guard";
import { WizardProgress } from "@/components/onboarding/wizard-progress";
import { requirePermission } from "@/lib/auth/current-user";
import { countryName } from "@/lib/customers/display-names";
import { stepPickers } from "@/lib/customers/phone-countries";
import { toLocale } from "@/lib/i18n/locales";
import { fileSummaries } from "@/lib/files/file-queries";
import { draftFileIds, getDraft } from "@/lib/onboarding/drafts";
import { draftSummary, type SummaryItem } from "@/lib/onboarding/draft-summary";
import { FORM_STEPS, isWizardStep, stepPosition } from "@/lib/onboarding/steps";
import { forPage } from "@/lib/pages/page-error";
import { discardDraftAction, draftVersionAction, saveStepAction, submitDraftAction } from "../../actions";
import { wizardStepTitle } from "@/lib/pages/wizard-step-title";

type Params = Promise<{ draftId: string; step: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { step } = await params;
  if (isWizardStep(step)) return { title: await wizardStepTitle(step) };
  const t = await getTranslations("onboardingPages");
  return { title: t("drafts.title") };
}

export default async function OnboardingStepPage({ params }: { params: Params }) {
  const { draftId, step } = await params;
  if (!isWizardStep(step)) notFound();
  const t = await getTranslations("onboardingPages");
  const user = await requirePermission("onboarding:use");
  const draft = await forPage(getDraft(user, draftId));
  if (draft.status === "submitted") redirect(`/onboarding/${draftId}/submitted`);
  const firstIncomplete = FORM_STEPS.find((candidate) => !draft.completedSteps.includes(candidate));
  if (step === "review" && firstIncomplete) redirect(`/onboarding/${draftId}/${firstIncomplete}`);

  const files = await fileSummaries(draft.partnerId, draftFileIds(draft.data));
  const position = stepPosition(step);
  const locale = toLocale(await getLocale());
  const summary = draftSummary(draft.data, draft.completedSteps, (code) => countryName(code, locale));
  const items: SummaryItem[] = summary.map((fact) => ({
    step: fact.step,
    label: t(`summary.${fact.key}`),
    value: "count" in fact ? t("summary.people", { count: fact.count }) : fact.value,
  }));
  const named = summary.find((fact) => fact.key === "company");
  const draftName = named && "value" in named ? named.value : t("unnamedBusiness");
  const onPage = { id: draft.id, version: draft.version, saveStep: saveStepAction };

  return (
    <div className="space-y-8">
      <DraftFreshness draftId={draft.id} version={draft.version} currentVersion={draftVersionAction} />
      <WizardProgress draftId={draft.id} current={step} completed={draft.completedSteps} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <StepHeading step={step} kicker={t("stepKicker", { number: position.number, of: position.of })} />
        <DiscardDraft draftId={draft.id} draftName={draftName} discardDraft={discardDraftAction} />
      </div>
      {step === "review" ? null : <DoneSummary items={items} basePath={`/onboarding/${draft.id}`} />}
      {/* Keyed by version: a page fetched again after the draft changed starts its form from the stored values. */}
      <UnsavedChangesGuard key={draft.version}>
        {step !== "review" ? (
          <FormStepFields
            step={step}
            sections={draft.data}
            draft={onPage}
            files={files}
            pickers={stepPickers(draft.data, locale)}
          />
        ) : (
          <div className="space-y-6">
            <DraftReview draftId={draft.id} data={draft.data} files={files} />
            <SubmitDraft draftId={draft.id} reviewedVersion={draft.version} submitDraft={submitDraftAction} />
          </div>
        )}
      </UnsavedChangesGuard>
    </div>
  );
}
