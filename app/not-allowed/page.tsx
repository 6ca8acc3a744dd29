import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoticePage } from "@/components/layout/notice-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notAllowed");
  return { title: t("pageTitle") };
}

export default async function NotAllowedPage() {
  const t = await getTranslations("common.notAllowed");
  return <NoticePage title={t("title")} body={t("body")} homeText={t("home")} />;
}
