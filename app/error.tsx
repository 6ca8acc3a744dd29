"use client";

import { useTranslations } from "next-intl";

/**
 * What a page that failed on the server shows, in the reader's language, instead of Next's own
 * English page. The error itself is logged on the server; nothing of it is shown here. A plain
 * button, not the ui Button: this boundary ships with every page, so it carries nothing else.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errorPage");
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      <div className="mt-6">
        <button
          type="button"
          onClick={() => reset()}
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2"
        >
          {t("retry")}
        </button>
      </div>
    </main>
  );
}
