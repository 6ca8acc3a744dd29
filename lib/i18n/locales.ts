/**
 * The portal's languages. Browser-safe and dependency-free: the switcher, the wizard and the API's
 * `Accept-Language` handling all read this list.
 */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words, as the switcher offers it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: "English", "zh-CN": "简体中文" };

/**
 * The browser's remembered choice when nobody is signed in (the sign-in page, a hosted onboarding
 * link). A signed-in person's choice is kept on their account and wins over it.
 */
export const LOCALE_COOKIE = "axisfi_locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** next-intl's `useLocale()` / `getLocale()` give a string: ours, since the request config chose it. */
export function toLocale(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
