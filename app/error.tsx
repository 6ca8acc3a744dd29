"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * What a page that failed on the server shows, in the reader's language, instead of Next's own
 * English page. The error itself is logged on the server; nothing of it is shown here.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errorPage");
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      <div className="mt-6">
        <Button type="button" onClick={() => reset()}>
          {t("retry")}
        </Button>
      </div>
    </main>
  );
}
