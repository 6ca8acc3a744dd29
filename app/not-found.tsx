import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoticePage } from "@/components/layout/notice-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notFound");
  return { title: t("pageTitle") };
}

/** Every "not found" of the portal and the hosted form (a page's notFound(), an unknown address), in the reader's language. */
export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return <NoticePage title={t("title")} body={t("body")} homeText={t("home")} />;
}
