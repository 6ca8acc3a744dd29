import countries from "i18n-iso-countries";
import currencyCodes from "currency-codes";
import { describe, expect, it } from "vitest";
import { ISO_COUNTRY_CODES, ISO_CURRENCY_CODES } from "./code-lists";

// The browser validates with the lists of code-lists.ts; they must be the packages' own lists, so
// that the wizard, the API and the OpenAPI document accept exactly what they did with the packages.
describe("code lists", () => {
  it("are the ISO 3166-1 alpha-2 codes of i18n-iso-countries", () => {
    expect(ISO_COUNTRY_CODES).toEqual(Object.keys(countries.getAlpha2Codes()).sort());
    for (const code of ISO_COUNTRY_CODES) expect(countries.isValid(code), code).toBe(true);
  });

  it("are the ISO 4217 codes of currency-codes", () => {
    expect(ISO_CURRENCY_CODES).toEqual([...currencyCodes.codes()].sort());
  });
});
