import "server-only";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import currencyCodes from "currency-codes";
import { isCurrencyCode } from "./fields";
import { INDUSTRY_CATEGORIES } from "./industry-categories";

import type { PickerOption } from "./picker-option";

countries.registerLocale(en);

/**
 * The pickers' options, built on the server from the same ISO lists the API validates against
 * and handed to the forms as data, so the names never weigh on the browser bundle.
 */
export function countryOptions(): PickerOption[] {
  const names = countries.getNames("en", { select: "all" });
  return Object.entries(names)
    .map(([code, [name, ...aliases]]) => ({ value: code, label: name, keywords: aliases.join(" ") }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
}

export function currencyOptions(): PickerOption[] {
  return currencyCodes.data
    .filter((currency) => isCurrencyCode(currency.code))
    .map((currency) => ({ value: currency.code, label: currency.currency }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
}

export function industryOptions(): PickerOption[] {
  return INDUSTRY_CATEGORIES.map((category) => ({ value: category.code, label: category.name }));
}
