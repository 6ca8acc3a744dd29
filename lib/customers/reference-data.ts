import "server-only";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import { countries as countryFacts } from "countries-list";
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
    .map(([code, [name, ...aliases]]) => {
      // The name in the country's own language, so that "Deutschland", "中国" and "日本" are found.
      const native = countryFacts[code as keyof typeof countryFacts]?.native;
      const names = [...new Set([...aliases, ...(native ? [native] : [])])].filter((alias) => alias !== name);
      return { value: code, label: name, ...(names.length > 0 ? { aliases: names } : {}) };
    })
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
