/**
 * The names people read for the codes a customer holds, from the same lists as the pickers
 * (lib/customers/reference-data.ts): a country is called on the review step what it was called
 * when it was picked. For server components only (the review step, the reviewer's page): the
 * country list would weigh on a browser bundle (tests/page-weight.test.ts would say so).
 */
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import { INDUSTRY_CATEGORIES } from "./industry-categories";

countries.registerLocale(en);

/** "SG" → "Singapore", "US" → "United States of America" (as the picker); an unknown code as given. */
export function countryName(code: string): string {
  return countries.getName(code, "en", { select: "official" }) ?? code;
}

/** "5045" → "Computers and software"; an unlisted code is shown as given. */
export function industryName(code: string): string {
  return INDUSTRY_CATEGORIES.find((category) => category.code === code)?.name ?? code;
}
