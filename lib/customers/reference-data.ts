import "server-only";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import zh from "i18n-iso-countries/langs/zh.json";
import { countries as countryFacts } from "countries-list";
import currencyCodes from "currency-codes";
import type { Locale } from "@/lib/i18n/locales";
import { isCurrencyCode } from "./fields";
import { INDUSTRY_CATEGORIES } from "./industry-categories";

import type { PickerOption } from "./picker-option";

countries.registerLocale(en);
countries.registerLocale(zh);

/**
 * The pickers' options in each of the portal's languages, built on the server from the same ISO
 * lists the API validates against and handed to the forms as data, so the names never weigh on
 * the browser bundle. Each option also carries its names in the other language and in the
 * country's own, so that "中国", "Deutschland", "USA" or "UK" find their country in either.
 */
/** Built once per process and language on first use: the lists never change while it runs. */
function perLocale<T>(build: (locale: Locale) => T): (locale?: Locale) => T {
  const built = new Map<Locale, T>();
  return (locale = "en") => {
    let value = built.get(locale);
    if (value === undefined) {
      value = build(locale);
      built.set(locale, value);
    }
    return value;
  };
}

/** How each language sorts its names: English alphabetically, Chinese by pinyin. */
const COLLATION: Readonly<Record<Locale, string>> = { en: "en", "zh-CN": "zh-CN" };

function sortedFor(locale: Locale, options: PickerOption[]): PickerOption[] {
  const collator = new Intl.Collator(COLLATION[locale]);
  return options.sort((a, b) => collator.compare(a.label, b.label));
}

function withAliases(value: string, label: string, names: readonly (string | undefined)[]): PickerOption {
  const aliases = [...new Set(names)].filter((alias): alias is string => Boolean(alias) && alias !== label);
  return { value, label, ...(aliases.length > 0 ? { aliases } : {}) };
}

export const countryOptions = perLocale((locale): PickerOption[] => {
  const english = countries.getNames("en", { select: "all" });
  const chinese = countries.getNames("zh", { select: "all" });
  return sortedFor(
    locale,
    Object.entries(english).map(([code, [officialEn, ...aliasesEn]]) => {
      // The name in the country's own language, so that "Deutschland", "中国" and "日本" are found.
      const native = countryFacts[code as keyof typeof countryFacts]?.native;
      const [officialZh, ...aliasesZh] = chinese[code] ?? [];
      const label = locale === "zh-CN" ? (officialZh ?? officialEn) : officialEn;
      return withAliases(code, label, [officialEn, ...aliasesEn, native, officialZh, ...aliasesZh]);
    }),
  );
});

export const currencyOptions = perLocale((locale): PickerOption[] => {
  const chinese = new Intl.DisplayNames("zh-CN", { type: "currency", fallback: "none" });
  return sortedFor(
    locale,
    currencyCodes.data
      .filter((currency) => isCurrencyCode(currency.code))
      .map((currency) => {
        const nameZh = chinese.of(currency.code);
        const label = locale === "zh-CN" ? (nameZh ?? currency.currency) : currency.currency;
        return withAliases(currency.code, label, locale === "zh-CN" ? [currency.currency] : [nameZh]);
      }),
  );
});

export const industryOptions = perLocale((locale): PickerOption[] =>
  INDUSTRY_CATEGORIES.map((category) =>
    locale === "zh-CN"
      ? withAliases(category.code, category.nameZh, [category.name])
      : { value: category.code, label: category.name },
  ),
);
