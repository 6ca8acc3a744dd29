import { getLocale, getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { UnsavedChangesGuard } from "@/components/onboarding/unsaved-changes-guard";
import { FormStepFields } from "@/components/onboarding/form-step";
import { StepHeading } from "@/components/onboarding/step-heading";
import { Alert } from "@/components/ui/alert";
import { requirePermission } from "@/lib/auth/current-user";
import { formValues, getCustomerToFix } from "@/lib/customers/customer-fixes";
import { fieldLabel } from "@/lib/customers/fields";
import { stepPickers } from "@/lib/customers/phone-countries";
import { toLocale } from "@/lib/i18n/locales";
import { FORM_STEPS, stepOfField, type FormStep } from "@/lib/onboarding/steps";
import { forPage } from "@/lib/pages/page-error";
import { updateCustomerStepAction } from "../../actions";

type Params = Promise<{ customerId: string; step: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { step } = await params;
  const [t, stepNames] = await Promise.all([getTranslations("onboardingPages"), getTranslations("wizard.steps")]);
  return {
    title: isFormStep(step) ? t("fix.stepTitle", { step: stepNames(`${step}.title`) }) : t("fix.title"),
  };
}

function isFormStep(value: string): value is FormStep {
  return (FORM_STEPS as readonly string[]).includes(value);
}

/**
 * One wizard step of a pending customer, for partner staff to fix what a reviewer asked for: the
 * same step form as onboarding, prefilled with the customer as stored, the fields due marked with
 * the reviewer's note. Saving replaces the step's section (updateCustomer).
 */
export default async function FixCustomerStepPage({ params }: { params: Params }) {
  const { customerId, step } = await params;
  const [labels, t, stepNames] = await Promise.all([
    getTranslations("fields"),
    getTranslations("onboardingPages"),
    getTranslations("wizard.steps"),
  ]);
  if (!isFormStep(step)) notFound();
  const user = await requirePermission("customers:update");
  const { customer, version, files, stepsDue } = await forPage(getCustomerToFix(user, customerId));
  if (customer.status !== "pending") redirect(`/customers/${customerId}`);

  const due = customer.requirements.currently_due.filter((requirement) => stepOfField(requirement.field) === step);
  const fieldNotes = due.map((requirement) => ({
    field: requirement.field,
    code: "requested",
    message: t("fix.requestedBy", { reason: requirement.reason }),
  }));
  const onPage = { id: customerId, version, saveStep: updateCustomerStepAction };
  const options = {
    nextHref: `/customers/${customerId}/update`,
    backHref: `/customers/${customerId}`,
    backLabel: t("fix.backToCustomer"),
    submitLabel: t("fix.saveChanges"),
    fieldNotes,
  };
  // The customer's sections as the forms hold them ("" for nothing, dates as days).
  const sections = formValues(customer) as Record<string, unknown>;

  return (
    <div className="space-y-8">
      <div>
        <Link href={`/customers/${customerId}`} className="text-sm text-blue-700 underline-offset-4 hover:underline">
          ← {customer.business_details.business_name_english}
        </Link>
        <StepHeading step={step} kicker={t("fix.kicker")} className="mt-2" />
      </div>
      {stepsDue.length > 1 ? (
        <nav aria-label={t("fix.stepsDue")}>
          <ul className="flex flex-wrap gap-2 text-sm">
            {stepsDue.map((slug) => (
              <li key={slug}>
                <Link
                  href={`/customers/${customerId}/update/${slug}`}
                  aria-current={slug === step ? "step" : undefined}
                  className={
                    slug === step
                      ? "rounded-full bg-blue-700 px-3 py-1 font-medium text-white"
                      : "rounded-full border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50"
                  }
                >
                  {stepNames(`${slug}.title`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {due.length > 0 ? (
        <Alert tone="warning" title={t("fix.askedTitle")}>
          <ul className="list-disc space-y-1 pl-5">
            {due.map((requirement) => (
              <li key={requirement.field}>
                <span className="font-medium">{fieldLabel(requirement.field, labels)}</span>: {requirement.reason}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert tone="info" title={t("fix.nothingTitle")}>
          {t("fix.nothingBody")}
        </Alert>
      )}
      {/* Keyed by version: after a save elsewhere, the form starts again from the stored values. */}
      <UnsavedChangesGuard key={version}>
        <FormStepFields
          step={step}
          sections={sections}
          draft={onPage}
          files={files}
          pickers={stepPickers(sections, toLocale(await getLocale()))}
          options={options}
        />
      </UnsavedChangesGuard>
    </div>
  );
}
