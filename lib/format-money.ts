import type { Locale } from "@/lib/i18n/locales";

const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: "en-US", "zh-CN": "zh-CN" };

/**
 * How the portal shows an amount of money: its ISO currency code, then the amount with the
 * currency's own decimals (`SGD 185,000.00`, `JPY 5,000`), grouped as the reader's language
 * groups digits. Browser-safe.
 */
export function formatMoney(amount: number, currency: string, locale: Locale = "en"): string {
  const intlLocale = INTL_LOCALE[locale] ?? "en-US";
  try {
    return new Intl.NumberFormat(intlLocale, { style: "currency", currency, currencyDisplay: "code" })
      .format(amount)
      .replace(/\u00a0/g, " ");
  } catch {
    // An unknown currency code: the amount alone, then the code as given.
    return `${new Intl.NumberFormat(intlLocale, { minimumFractionDigits: 2 }).format(amount)} ${currency}`.trim();
  }
}
