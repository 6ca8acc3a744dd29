import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BrandMark } from "@/components/layout/brand-mark";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notFound");
  return { title: t("pageTitle") };
}

/** Every "not found" of the portal and the hosted form (a page's notFound(), an unknown address), in the reader's language. */
export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <div className="mb-10 flex justify-center">
        <BrandMark />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline underline-offset-4">
        {t("home")}
      </Link>
    </main>
  );
}
