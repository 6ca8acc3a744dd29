/**
 * The names people read for the codes a customer holds: countries through `Intl` (no list in
 * any bundle), industry categories from the API's own list. Used where the page is rendered on
 * the server (the review step, the reviewer's page).
 */
import { INDUSTRY_CATEGORIES } from "./industry-categories";

const regionNames = new Map<string, Intl.DisplayNames>();

/** "SG" → "Singapore"; an unknown code is shown as given. */
export function countryName(code: string, locale = "en"): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "5045" → "Computers and software"; an unlisted code is shown as given. */
export function industryName(code: string): string {
  return INDUSTRY_CATEGORIES.find((category) => category.code === code)?.name ?? code;
}
