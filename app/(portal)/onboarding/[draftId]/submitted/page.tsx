import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StatusBadge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { requirePermission } from "@/lib/auth/current-user";
import { getPartnerCustomer } from "@/lib/customers/customer-queries";
import { getDraft } from "@/lib/onboarding/drafts";
import { forPage } from "@/lib/pages/page-error";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboardingPages.submitted");
  return { title: t("title") };
}

export default async function SubmittedPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const user = await requirePermission("onboarding:use");
  const draft = await forPage(getDraft(user, draftId));
  if (!draft.customerId) redirect(`/onboarding/${draftId}/review`);
  const customer = await getPartnerCustomer(draft.partnerId, draft.customerId);
  const t = await getTranslations("onboardingPages.submitted");
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-slate-600">
        {t("withCompliance", { name: customer.business_details.business_name_english })}
      </p>
      <dl className="mt-6 space-y-2 text-sm">
        <div>
          <dt className="text-slate-500">{t("customerId")}</dt>
          <dd className="font-mono text-base break-all text-slate-900" data-testid="customer-id">
            {customer.customer_id}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("status")}</dt>
          <dd>
            <StatusBadge status={customer.status} />
          </dd>
        </div>
      </dl>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/customers" className={buttonClassName("primary", "md")}>
          {t("seeCustomers")}
        </Link>
        <Link href="/onboarding" className={buttonClassName("secondary", "md")}>
          {t("backToOnboarding")}
        </Link>
      </div>
    </div>
  );
}
