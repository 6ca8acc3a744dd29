/**
 * The names people read for the codes a customer holds, in the reader's language, from the same
 * lists as the pickers (lib/customers/reference-data.ts): a country is called on the review step
 * what it was called when it was picked. For server components only (the review step, the
 * reviewer's page): the country lists would weigh on a browser bundle (tests/page-weight.test.ts
 * would say so).
 */
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import zh from "i18n-iso-countries/langs/zh.json";
import type { Locale } from "@/lib/i18n/locales";
import { INDUSTRY_CATEGORIES } from "./industry-categories";

countries.registerLocale(en);
countries.registerLocale(zh);

/** "SG" → "Singapore" / "新加坡", "US" → "United States of America" (as the picker); an unknown code as given. */
export function countryName(code: string, locale: Locale = "en"): string {
  return (
    (locale === "zh-CN" ? countries.getName(code, "zh", { select: "official" }) : undefined) ??
    countries.getName(code, "en", { select: "official" }) ??
    code
  );
}

/** "5045" → "Computers and software" / "计算机及软件"; an unlisted code is shown as given. */
export function industryName(code: string, locale: Locale = "en"): string {
  const category = INDUSTRY_CATEGORIES.find((candidate) => candidate.code === code);
  if (!category) return code;
  return locale === "zh-CN" ? category.nameZh : category.name;
}
