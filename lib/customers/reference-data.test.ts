import { describe, expect, it } from "vitest";
import { search, toSearchItems } from "@/components/ui/combobox";
import type { Locale } from "@/lib/i18n/locales";
import { countryName, industryName } from "./display-names";
import { phoneCountryOptions, stepPickers } from "./phone-countries";
import { countryOptions, currencyOptions, industryOptions } from "./reference-data";

/** The code of the country the picker lists first for what a person typed, in a language. */
function firstCountry(locale: Locale, typed: string): string | undefined {
  return search(toSearchItems(countryOptions(locale)), typed).matches[0]?.option.value;
}

const labelOf = (options: { value: string; label: string }[], code: string) =>
  options.find((option) => option.value === code)?.label;

describe("the pickers in each language", () => {
  it("names countries, currencies and industries in Simplified Chinese for zh-CN", () => {
    expect(labelOf(countryOptions("zh-CN"), "CN")).toBe("中国");
    expect(labelOf(countryOptions("zh-CN"), "US")).toBe("美国");
    expect(labelOf(countryOptions("zh-CN"), "DE")).toBe("德国");
    expect(labelOf(currencyOptions("zh-CN"), "USD")).toBe("美元");
    expect(labelOf(currencyOptions("zh-CN"), "CNY")).toBe("人民币");
    expect(labelOf(industryOptions("zh-CN"), "5045")).toBe("计算机及软件");
    expect(labelOf(phoneCountryOptions("zh-CN"), "SG")).toBe("新加坡");
    expect(stepPickers({}, "zh-CN").countries).toBe(countryOptions("zh-CN"));
  });

  it("keeps the English names and order for en (the default)", () => {
    expect(countryOptions()).toBe(countryOptions("en"));
    expect(labelOf(countryOptions("en"), "CN")).toBe("People's Republic of China");
    expect(labelOf(currencyOptions("en"), "USD")).toBe("US Dollar");
    expect(labelOf(industryOptions("en"), "5045")).toBe("Computers and software");
    const labels = countryOptions("en").map((option) => option.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("sorts the Chinese names as Chinese readers expect (by pinyin)", () => {
    const labels = countryOptions("zh-CN").map((option) => option.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("zh-CN").compare));
    expect(labels.indexOf("阿富汗")).toBeLessThan(labels.indexOf("德国"));
    expect(labels.indexOf("德国")).toBeLessThan(labels.indexOf("美国"));
    expect(labels.indexOf("美国")).toBeLessThan(labels.indexOf("中国"));
  });

  for (const locale of ["en", "zh-CN"] as const) {
    it(`finds a country by its Chinese, native or short English name in ${locale}`, () => {
      expect(firstCountry(locale, "中国")).toBe("CN");
      expect(firstCountry(locale, "美国")).toBe("US");
      expect(firstCountry(locale, "德国")).toBe("DE");
      expect(firstCountry(locale, "Deutschland")).toBe("DE");
      expect(firstCountry(locale, "UK")).toBe("GB");
      expect(firstCountry(locale, "USA")).toBe("US");
      expect(firstCountry(locale, "United States")).toBe("US");
      expect(firstCountry(locale, "日本")).toBe("JP");
    });
  }

  it("names a stored code in the reader's language, as the picker did", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      for (const option of countryOptions(locale)) expect(countryName(option.value, locale)).toBe(option.label);
      for (const option of industryOptions(locale)) expect(industryName(option.value, locale)).toBe(option.label);
    }
    expect(countryName("CN")).toBe("People's Republic of China");
    expect(countryName("not a code", "zh-CN")).toBe("not a code");
    expect(industryName("0000", "zh-CN")).toBe("0000");
  });
});
