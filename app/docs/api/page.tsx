import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ApiReference } from "@/components/docs/api-reference";
import { BrandMark } from "@/components/layout/brand-mark";
import { openApiDocument } from "@/lib/api/openapi";
import { toLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.apiReference");
  return { title: t("pageTitle") };
}

/**
 * The page's own chrome follows the reader's language; the reference itself stays in English, as
 * the Partner API does (its field names, error codes and messages are English for every partner).
 */
export default async function ApiReferencePage() {
  const [t, locale] = await Promise.all([getTranslations("common.apiReference"), getLocale()]);
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
          <Link
            href="/"
            className="inline-block rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
          >
            <BrandMark />
          </Link>
          {toLocale(locale) === "en" ? null : <p className="text-xs text-slate-600">{t("englishOnly")}</p>}
        </div>
      </header>
      <div lang="en">
        <ApiReference document={openApiDocument()} />
      </div>
    </>
  );
}
