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
/** Built once per process on first use: the lists never change while it runs. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export const countryOptions = once((): PickerOption[] => {
  const names = countries.getNames("en", { select: "all" });
  return Object.entries(names)
    .map(([code, [name, ...aliases]]) => ({ value: code, label: name, keywords: aliases.join(" ") }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
});

export const currencyOptions = once((): PickerOption[] =>
  currencyCodes.data
    .filter((currency) => isCurrencyCode(currency.code))
    .map((currency) => ({ value: currency.code, label: currency.currency }))
    .sort((a, b) => a.label.localeCompare(b.label, "en")),
);

export const industryOptions = once((): PickerOption[] =>
  INDUSTRY_CATEGORIES.map((category) => ({ value: category.code, label: category.name })),
);
