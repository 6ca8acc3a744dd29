import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { navigationFor } from "@/lib/auth/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backOffice.home");
  return { title: t("title") };
}

/** Each section's description, by its path: a key of the `backOffice` catalog's `home.descriptions`. */
const DESCRIPTIONS: Record<string, string> = {
  "/onboarding": "onboarding",
  "/customers": "customers",
  "/settings/api-keys": "apiKeys",
  "/settings/webhooks": "webhooks",
  "/admin": "admin",
  "/docs/api": "apiReference",
};

export default async function HomePage() {
  const [user, t] = await Promise.all([requireUser(), getTranslations("backOffice.home")]);
  const sections = navigationFor(user).filter((item) => item.href !== "/");
  const description = (href: string) => {
    const key = href === "/customers" && can(user, "customers:list-all") ? "reviewQueue" : DESCRIPTIONS[href];
    return key ? t(`descriptions.${key}`) : null;
  };
  const nav = await getTranslations("common.nav");
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t("welcome", { name: user.name })}</h1>
      <p className="mt-1 text-slate-600">{t("intro")}</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-blue-300 hover:shadow focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
            >
              <span className="text-base font-semibold text-slate-900">{nav(section.section)}</span>
              <span className="mt-1 block text-sm text-slate-600">{description(section.href)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
