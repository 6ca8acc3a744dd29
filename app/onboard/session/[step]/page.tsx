import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { DraftFreshness } from "@/components/onboarding/draft-freshness";
import { DraftReview } from "@/components/onboarding/review";
import { FormStepFields } from "@/components/onboarding/form-step";
import { StepHeading } from "@/components/onboarding/step-heading";
import { SubmitDraft } from "@/components/onboarding/submit-draft";
import { UnsavedChangesGuard } from "@/components/onboarding/unsaved-changes-guard";
import { WizardProgress } from "@/components/onboarding/wizard-progress";
import { WizardRoutesProvider, type WizardRoutes } from "@/components/onboarding/wizard-routes";
import { linkSessionOfRequest } from "@/lib/auth/link-session";
import { stepPickers } from "@/lib/customers/phone-countries";
import { toLocale } from "@/lib/i18n/locales";
import { fileSummaries } from "@/lib/files/file-queries";
import { linkDraft } from "@/lib/onboarding-links/links";
import { draftFileIds } from "@/lib/onboarding/drafts";
import { FORM_STEPS, isWizardStep, stepPosition } from "@/lib/onboarding/steps";
import { forPage } from "@/lib/pages/page-error";
import { UpdateLinkStep } from "./update-step";
import { linkDraftVersionAction, saveLinkStepAction, submitLinkAction } from "../actions";
import { wizardStepTitle } from "@/lib/pages/wizard-step-title";

type Params = Promise<{ step: string }>;

const BASE = "/onboard/session";

const ROUTES: WizardRoutes = {
  base: BASE,
  exit: null,
  afterSubmit: { href: `${BASE}/done`, leave: true },
  files: "/onboard/files",
  partnerCustomerIdFixed: true,
};

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { step } = await params;
  if (isWizardStep(step)) return { title: await wizardStepTitle(step) };
  const t = await getTranslations("onboardingPages");
  return { title: t("hosted.title") };
}

/** One step of the business's own wizard: the staff wizard's steps, on the link's draft. */
export default async function LinkStepPage({ params }: { params: Params }) {
  const { step } = await params;
  if (!isWizardStep(step)) notFound();
  const session = await linkSessionOfRequest();
  if (!session) notFound();
  if (session.state === "expired") redirect(session.refreshUrl);
  if (session.state === "submitted") redirect(session.returnUrl);
  if (session.purpose === "update") return <UpdateLinkStep session={session} step={step} />;
  const draft = await forPage(linkDraft(session));
  const firstIncomplete = FORM_STEPS.find((candidate) => !draft.completedSteps.includes(candidate));
  if (step === "review" && firstIncomplete) redirect(`${BASE}/${firstIncomplete}`);

  // Only the link's own documents are named or shown.
  const files = await fileSummaries(
    draft.partnerId,
    draftFileIds(draft.data).filter((fileId) => session.fileIds.includes(fileId)),
  );
  const position = stepPosition(step);
  const t = await getTranslations("onboardingPages");
  const onPage = { id: draft.id, version: draft.version, saveStep: saveLinkStepAction };

  return (
    <WizardRoutesProvider routes={ROUTES}>
      <div className="space-y-8">
        <DraftFreshness draftId={draft.id} version={draft.version} currentVersion={linkDraftVersionAction} />
        <WizardProgress draftId={draft.id} current={step} completed={draft.completedSteps} basePath={BASE} />
        <StepHeading step={step} kicker={t("stepKicker", { number: position.number, of: position.of })} />
        <UnsavedChangesGuard key={draft.version}>
          {step !== "review" ? (
            <FormStepFields
              step={step}
              sections={draft.data}
              draft={onPage}
              files={files}
              pickers={stepPickers(draft.data, toLocale(await getLocale()))}
            />
          ) : (
            <div className="space-y-6">
              <DraftReview draftId={draft.id} data={draft.data} files={files} basePath={BASE} />
              <SubmitDraft draftId={draft.id} reviewedVersion={draft.version} submitDraft={submitLinkAction} />
            </div>
          )}
        </UnsavedChangesGuard>
      </div>
    </WizardRoutesProvider>
  );
}
