import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/current-user";
import { toLocale } from "@/lib/i18n/locales";
import { listOpenDrafts, OPEN_DRAFTS_SHOWN } from "@/lib/onboarding/drafts";
import { resumeStep, stepPosition } from "@/lib/onboarding/wizard-steps";
import { DiscardDraft } from "@/components/onboarding/discard-draft";
import { discardDraftAction, startDraftAction } from "./actions";
import { formatDateTime } from "@/lib/format-date";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboardingPages.drafts");
  return { title: t("title") };
}

export default async function OnboardingPage() {
  const user = await requirePermission("onboarding:use");
  const [drafts, t, pages, stepNames, locale] = await Promise.all([
    listOpenDrafts(user),
    getTranslations("onboardingPages.drafts"),
    getTranslations("onboardingPages"),
    getTranslations("wizard.steps"),
    getLocale().then(toLocale),
  ]);
  // The list shows the 50 most recent drafts (listOpenDrafts): a full list may have more.
  const count =
    drafts.length >= OPEN_DRAFTS_SHOWN
      ? t("mostRecent", { count: drafts.length })
      : t("count", { count: drafts.length });
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("intro")}</p>
        </div>
        <form action={startDraftAction}>
          <Button type="submit" variant="primary">
            {t("start")}
          </Button>
        </form>
      </div>

      <section aria-labelledby="drafts-title" className="mt-10">
        <h2 id="drafts-title" className="text-lg font-semibold">
          {t("inProgress")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{count}</p>
        {drafts.length === 0 ? (
          <EmptyState className="mt-3 rounded-lg border border-dashed border-slate-300" title={t("emptyTitle")}>
            {t("emptyBody")}
          </EmptyState>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {drafts.map((draft) => {
              const next = resumeStep(draft.completedSteps);
              const position = stepPosition(next);
              const details = draft.data.business_details as { business_name_english?: string } | undefined;
              const name = details?.business_name_english?.trim() || pages("unnamedBusiness");
              return (
                <li key={draft.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div>
                    <Link
                      href={`/onboarding/${draft.id}/${next}`}
                      className="font-medium text-blue-700 underline-offset-4 hover:underline"
                    >
                      {name}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {t("next", {
                        number: position.number,
                        of: position.of,
                        step: stepNames(`${next}.title`),
                        name: draft.updatedByName,
                        date: formatDateTime(draft.updatedAt, locale),
                      })}
                    </p>
                  </div>
                  <DiscardDraft draftId={draft.id} draftName={name} discardDraft={discardDraftAction} nameInLabel />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
