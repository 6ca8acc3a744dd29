import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { BrandMark } from "@/components/layout/brand-mark";
import { getCurrentUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("pageTitle") };
}

export default async function SignInPage() {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("signIn");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="flex justify-center">
          <BrandMark size="lg" />
        </div>
        <h1 className="mt-8 text-center text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-3 text-center text-sm text-slate-600">{t("intro")}</p>
        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-base font-semibold text-slate-900">{t("formTitle")}</h2>
          <SignInForm />
        </div>
        <p className="mt-6 text-center text-xs text-slate-600">{t("accountsNote")}</p>
      </div>
    </main>
  );
}
