import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { AreaMessages } from "@/components/i18n/area-messages";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { chooseLocale } from "./actions/locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.meta");
  return {
    title: { default: t("title"), template: t("titleTemplate", { page: "%s" }) },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that each carries its own CSP nonce (proxy.ts): a
  // page prerendered at build time would have scripts without one, which the policy blocks.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-slate-50 text-slate-900 antialiased">
        <AreaMessages area="everywhere">
          <div className="flex-1">{children}</div>
        </AreaMessages>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl justify-end px-4 py-3 sm:px-6">
            <LocaleSwitcher action={chooseLocale} />
          </div>
        </footer>
      </body>
    </html>
  );
}
