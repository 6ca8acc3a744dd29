import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { UnsavedChangesGuard } from "@/components/onboarding/unsaved-changes-guard";
import { FormStepFields } from "@/components/onboarding/form-step";
import { StepHeading } from "@/components/onboarding/step-heading";
import { WizardRoutesProvider, type WizardRoutes } from "@/components/onboarding/wizard-routes";
import { Alert } from "@/components/ui/alert";
import { formValues } from "@/lib/customers/customer-fixes";
import { fieldLabel } from "@/lib/customers/fields";
import { stepPickers } from "@/lib/customers/phone-countries";
import { toLocale } from "@/lib/i18n/locales";
import { linkCustomerToFix, type LinkSession } from "@/lib/onboarding-links/links";
import { stepOfField, type WizardStep } from "@/lib/onboarding/steps";
import { forPage } from "@/lib/pages/page-error";
import { finishUpdateLinkAction, saveLinkUpdateStepAction } from "../actions";
import { FinishUpdateLink } from "./finish-update-link";

const BASE = "/onboard/session";
/** After each save: the next step due, or (nothing due any more) back to the partner. */
const NEXT = `${BASE}/done`;

const ROUTES: WizardRoutes = {
  base: BASE,
  exit: null,
  afterSubmit: { href: NEXT, leave: true },
  files: "/onboard/files",
  partnerCustomerIdFixed: true,
};

/**
 * One step of an update link: an existing pending customer's step with fields a reviewer asked
 * to fix, prefilled with the customer as stored, each field due marked with the reviewer's note.
 * Only the steps due exist here: any other step goes on to the next step due (or, with none, back
 * to the partner). Saving replaces the step's section of the customer (updateCustomer).
 */
export async function UpdateLinkStep({ session, step }: { session: LinkSession; step: WizardStep }) {
  const [labels, t] = await Promise.all([getTranslations("fields"), getTranslations("onboardingPages")]);
  const fix = await forPage(linkCustomerToFix(session));
  if (step === "review" || !fix.stepsDue.includes(step)) redirect(NEXT);

  const due = fix.due.filter((requirement) => stepOfField(requirement.field) === step);
  const fieldNotes = due.map((requirement) => ({
    field: requirement.field,
    code: "requested",
    message: t("fix.requestedBy", { reason: requirement.reason }),
  }));
  const position = fix.stepsDue.indexOf(step);
  const onPage = { id: session.customerId ?? "", version: fix.version, saveStep: saveLinkUpdateStepAction };
  const previous = fix.stepsDue[position - 1];
  const options = {
    nextHref: NEXT,
    nextLeave: true,
    submitLabel: t("fix.saveChanges"),
    fieldNotes,
    // Back only to the previous step due: the other steps are not the business's to see.
    ...(previous ? { backHref: `${BASE}/${previous}` } : { noBack: true }),
  };
  // The due sections as the forms hold them ("" for nothing, dates as days); the reference is the link's.
  const sections = formValues({ ...fix.sections, partner_customer_id: session.partnerCustomerId }) as Record<
    string,
    unknown
  >;

  return (
    <WizardRoutesProvider routes={ROUTES}>
      <div className="space-y-8">
        <StepHeading step={step} kicker={t("hosted.updateKicker", { number: position + 1, of: fix.stepsDue.length })} />
        <Alert tone="warning" title={t("fix.askedTitle")}>
          <ul className="list-disc space-y-1 pl-5">
            {due.map((requirement) => (
              <li key={requirement.field}>
                <span className="font-medium">{fieldLabel(requirement.field, labels)}</span>: {requirement.reason}
              </li>
            ))}
          </ul>
        </Alert>
        {/* Keyed by version: after a save elsewhere, the form starts again from the stored values. */}
        <UnsavedChangesGuard key={fix.version}>
          <FormStepFields
            step={step}
            sections={sections}
            draft={onPage}
            files={fix.files}
            pickers={stepPickers(sections, toLocale(await getLocale()))}
            options={options}
          />
        </UnsavedChangesGuard>
        <div className="border-t border-slate-200 pt-6 text-sm text-slate-600">
          <p>{t("hosted.finishedForNow", { partner: session.partnerName })}</p>
          <FinishUpdateLink
            finish={finishUpdateLinkAction}
            href={NEXT}
            label={t("hosted.done", { partner: session.partnerName })}
          />
        </div>
      </div>
    </WizardRoutesProvider>
  );
}
