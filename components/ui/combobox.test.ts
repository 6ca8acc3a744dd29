import { describe, expect, it } from "vitest";
import { countryOptions } from "@/lib/customers/reference-data";
import { exactMatch, search, toSearchItems } from "./combobox";

const countries = toSearchItems(countryOptions());

/** The codes of the first `count` countries the picker lists for what a person typed. */
function firstCountries(typed: string, count = 1): string[] {
  return search(countries, typed)
    .matches.slice(0, count)
    .map((item) => item.option.value);
}

describe("the country picker's search", () => {
  it("ranks an exact name or common alias first, before longer names that start with it", () => {
    expect(firstCountries("United States")).toEqual(["US"]);
    expect(firstCountries("united states", 2)).toEqual(["US", "UM"]);
    expect(firstCountries("USA")).toEqual(["US"]);
    expect(firstCountries("US")).toEqual(["US"]);
    expect(firstCountries("UK")).toEqual(["GB"]);
    expect(firstCountries("Great Britain")).toEqual(["GB"]);
    expect(firstCountries("United Kingdom")).toEqual(["GB"]);
    expect(firstCountries("UAE")).toEqual(["AE"]);
  });

  it("finds a country by its name in its own language", () => {
    expect(firstCountries("Deutschland")).toEqual(["DE"]);
    expect(firstCountries("中国")).toEqual(["CN"]);
    expect(firstCountries("日本")).toEqual(["JP"]);
    expect(firstCountries("espana")).toEqual(["ES"]);
  });

  it("still finds by prefix, by a word of the name, and without accents", () => {
    expect(firstCountries("singa")).toEqual(["SG"]);
    expect(firstCountries("cote divoire")).toEqual(["CI"]);
    expect(firstCountries("korea", 5)).toEqual(expect.arrayContaining(["KR", "KP"]));
  });

  it("selects on leaving the field only an exact code or name, aliases included", () => {
    expect(exactMatch(countries, "Deutschland")?.option.value).toBe("DE");
    expect(exactMatch(countries, "uk")?.option.value).toBe("GB");
    expect(exactMatch(countries, "sg")?.option.value).toBe("SG");
    expect(exactMatch(countries, "United")).toBeUndefined();
  });
});
