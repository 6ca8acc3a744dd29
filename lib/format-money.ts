/**
 * How the portal shows an amount of money: its ISO currency code, then the amount with the
 * currency's own decimals (`SGD 185,000.00`, `JPY 5,000`). Browser-safe.
 */
export function formatMoney(amount: number, currency: string, locale = "en-US"): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "code" })
      .format(amount)
      .replace(/\u00a0/g, " ");
  } catch {
    // An unknown currency code: the amount alone, then the code as given.
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(amount)} ${currency}`.trim();
  }
}
