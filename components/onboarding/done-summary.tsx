import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SummaryItem } from "@/lib/onboarding/draft-summary";

/** The catalog key (`wizard.doneSummary.*`) of each of draftSummary's labels, which act as its codes. */
const LABEL_KEYS: Readonly<Record<string, string>> = {
  Company: "company",
  "Registered in": "registeredIn",
  Address: "address",
  "Revenue currency": "revenueCurrency",
  "Contact email": "contactEmail",
  Representatives: "representatives",
};

/** "Done so far": a few facts from the completed steps, each linking to its step for a change. */
export function DoneSummary({ items, basePath }: { items: SummaryItem[]; basePath: string }) {
  const t = useTranslations("wizard.doneSummary");
  if (items.length === 0) return null;
  const label = (item: SummaryItem) => (LABEL_KEYS[item.label] ? t(LABEL_KEYS[item.label]) : item.label);
  // The representatives' count ("2 people"), said in the reader's language.
  const value = (item: SummaryItem) => {
    const count = item.step === "representatives" ? /^(\d+) /.exec(item.value) : null;
    return count ? t("people", { count: Number(count[1]) }) : item.value;
  };
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
            <dt className="text-slate-600">{label(item)}</dt>
            <dd className="min-w-0 font-medium break-words text-slate-900">
              <Link
                href={`${basePath}/${item.step}`}
                className="underline-offset-4 hover:text-blue-700 hover:underline"
              >
                {value(item)}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
