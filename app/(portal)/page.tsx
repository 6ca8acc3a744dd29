import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { navigationFor } from "@/lib/auth/navigation";

export const metadata: Metadata = { title: "Home" };

const DESCRIPTIONS: Record<string, string> = {
  "/onboarding": "Onboard a business customer step by step, or continue a saved draft.",
  "/customers": "Follow your customers and their review status.",
  "/settings/api-keys": "Create and revoke your Partner API key pairs.",
  "/settings/webhooks": "Get events about your customers sent to your systems, and follow their delivery.",
  "/admin": "Manage partners and staff accounts.",
  "/docs/api": "Integrate with the Partner API.",
};

export default async function HomePage() {
  const user = await requireUser();
  const sections = navigationFor(user).filter((item) => item.href !== "/");
  const nav = await getTranslations("common.nav");
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Welcome, {user.name}</h1>
      <p className="mt-1 text-slate-600">Choose where to start.</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-blue-300 hover:shadow focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
            >
              <span className="text-base font-semibold text-slate-900">{nav(section.section)}</span>
              <span className="mt-1 block text-sm text-slate-600">
                {section.href === "/customers" && can(user, "customers:list-all")
                  ? "Review business customers waiting for a decision."
                  : DESCRIPTIONS[section.href]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
