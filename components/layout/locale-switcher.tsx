import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";

/**
 * The language switcher on every page: one button per language, each in its own words and marked
 * with its `lang`, so a person who reads neither of the others still finds theirs. A plain form,
 * so it works before (and without) the page's JavaScript.
 */
export async function LocaleSwitcher({ action }: { action: (formData: FormData) => Promise<void> }) {
  const [current, t] = await Promise.all([getLocale(), getTranslations("common.language")]);
  return (
    <form action={action} aria-label={t("label")} className="flex items-center gap-1 text-sm">
      <span className="mr-1 text-slate-600" aria-hidden="true">
        {t("prefix")}
      </span>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 font-medium text-slate-700 underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 aria-pressed:bg-slate-200 aria-pressed:text-slate-900"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
