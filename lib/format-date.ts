/**
 * How the portal shows a moment: in UTC, the time zone of every API timestamp, so that what
 * staff read matches what partners' systems hold; in the reader's language. Browser-safe.
 */
import type { Locale } from "@/lib/i18n/locales";

// English keeps day-month-year (`25 Nov 2026`), unambiguous for partners on both sides of the Atlantic.
const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: "en-GB", "zh-CN": "zh-CN" };

/** One Intl.DateTimeFormat per language and style, made on first use (they are costly to make). */
function style(options: Intl.DateTimeFormatOptions): (date: Date, locale: Locale) => string {
  const made = new Map<Locale, Intl.DateTimeFormat>();
  return (date, locale) => {
    let format = made.get(locale);
    if (!format) {
      format = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? "en-GB", { ...options, timeZone: "UTC" });
      made.set(locale, format);
    }
    return format.format(date);
  };
}

const dateTime = style({ dateStyle: "medium", timeStyle: "short" });
const dateTimeWithSeconds = style({ dateStyle: "medium", timeStyle: "medium" });
const dateOnly = style({ dateStyle: "medium" });

/** `25 Nov 2026, 13:41` / `2026年11月25日 13:41` (UTC). */
export function formatDateTime(date: Date, locale: Locale = "en"): string {
  return dateTime(date, locale);
}

/** `25 Nov 2026, 13:41:15` (UTC), for audit events. */
export function formatDateTimeWithSeconds(date: Date, locale: Locale = "en"): string {
  return dateTimeWithSeconds(date, locale);
}

/**
 * `7 Nov 1985` / `1985年11月7日`, from an ISO date or date-time as a form or the API holds it
 * (`1985-11-07`, `1985-11-07T00:00:00Z`): a calendar date, read in UTC. Text that is no date is
 * shown as given.
 */
export function formatDate(value: string, locale: Locale = "en"): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateOnly(date, locale);
}
