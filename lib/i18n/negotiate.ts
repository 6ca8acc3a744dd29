/**
 * Which of our languages a language tag or an `Accept-Language` header asks for. Used by the
 * portal (no choice made yet), the partner API (error messages) and hosted links (the partner's
 * `locale`). Server and browser alike: no I/O.
 */
import { match } from "@formatjs/intl-localematcher";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "./locales";

/** `en-US,en;q=0.9,zh;q=0.8` → the tags in order of preference, weight 0 dropped. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().split(";");
      const quality = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((q) => q !== undefined);
      return { tag: tag.trim(), weight: quality === undefined ? 1 : Number(quality), index };
    })
    .filter(({ tag, weight }) => tag !== "" && tag !== "*" && weight > 0 && Number.isFinite(weight))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ tag }) => tag);
}

function canonical(tags: string[]): string[] {
  const valid: string[] = [];
  for (const tag of tags) {
    try {
      valid.push(...Intl.getCanonicalLocales(tag));
    } catch {
      // Not a language tag: ignored, as browsers and the HTTP spec do.
    }
  }
  return valid;
}

/**
 * Our language closest to what was asked, in order of preference; English when none is close.
 * Chinese in any script or region reads Simplified Chinese rather than English.
 */
export function negotiateLocale(requested: readonly string[]): Locale {
  const tags = canonical([...requested]);
  if (tags.length === 0) return DEFAULT_LOCALE;
  const chosen = match(tags, [...LOCALES, "zh"], DEFAULT_LOCALE, { algorithm: "best fit" });
  return chosen === "zh" ? "zh-CN" : (chosen as Locale);
}

export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  return negotiateLocale(acceptedLanguages(header));
}

/**
 * The language of a request from someone not signed in, from its raw headers (next-auth's sign-in
 * callback has no page around it): the switcher's cookie, else `Accept-Language`.
 */
export function localeOfHeaders(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined) {
  const chosen = cookieHeader
    ?.split(";")
    .map((pair) => pair.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(acceptLanguage);
}

/**
 * Ours when the tag names a language we have (`zh-SG` → zh-CN, `en-GB` → en), else null: a
 * partner's `fr` must leave the business's browser to choose, not pin English.
 */
export function supportedLocaleOf(tag: string): Locale | null {
  const [canonicalTag] = canonical([tag]);
  if (!canonicalTag) return null;
  const language = new Intl.Locale(canonicalTag).language;
  return language === "zh" ? "zh-CN" : language === "en" ? "en" : null;
}
