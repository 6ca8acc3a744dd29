import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SummaryItem } from "@/lib/onboarding/draft-summary";

/**
 * "Done so far": a few facts from the completed steps, each linking to its step for a change. The
 * page words them (draftSummary gives codes; the page's catalog names them).
 */
export function DoneSummary({ items, basePath }: { items: SummaryItem[]; basePath: string }) {
  const t = useTranslations("wizard.doneSummary");
  if (items.length === 0) return null;
  return (
    <section
      aria-labelledby="done-summary-title"
      className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
    >
      <h2 id="done-summary-title" className="font-semibold text-slate-900">
        {t("title")}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {items.map((item) => (
          <div key={item.label} className="contents">
            <dt className="text-slate-600">{item.label}</dt>
            <dd className="min-w-0 font-medium break-words text-slate-900">
              <Link
                href={`${basePath}/${item.step}`}
                className="underline-offset-4 hover:text-blue-700 hover:underline"
              >
                {item.value}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
