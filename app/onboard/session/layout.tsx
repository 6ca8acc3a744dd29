import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { AreaMessages } from "@/components/i18n/area-messages";
import { BrandIcon } from "@/components/layout/brand-mark";
import { linkSessionOfRequest } from "@/lib/auth/link-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboardingPages.hosted");
  return { title: t("title"), referrer: "no-referrer" };
}

/**
 * The business's wizard on a hosted onboarding link: the partner's name, no portal navigation,
 * and nothing but this one form. Without a session cookie there is nothing here; a session past
 * its 24 hours goes to the partner's refresh_url, a submitted one to its return_url.
 */
export default async function LinkSessionLayout({ children }: { children: React.ReactNode }) {
  const session = await linkSessionOfRequest();
  if (!session) notFound();
  if (session.state === "expired") redirect(session.refreshUrl);
  if (session.state === "submitted") redirect(session.returnUrl);
  const t = await getTranslations("onboardingPages.hosted");
  return (
    <div>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-4">
          <p className="text-lg font-semibold tracking-tight">{t("header", { partner: session.partnerName })}</p>
          <p className="inline-flex shrink-0 items-center gap-1.5 text-xs text-slate-600">
            <BrandIcon className="size-4" />
            {t("poweredBy")}
          </p>
        </div>
      </header>
      <main className="mx-auto max-w-4xl px-4 py-8">
        <AreaMessages area="wizard">{children}</AreaMessages>
      </main>
    </div>
  );
}
