import "server-only";
import { getCountryCallingCode, isSupportedCountry } from "libphonenumber-js/min";
import type { Locale } from "@/lib/i18n/locales";
import type { PhoneCountry } from "./phone";
import type { StepPickers } from "./picker-option";
import { countryOptions, currencyOptions, industryOptions } from "./reference-data";

const lists = new Map<Locale, PhoneCountry[]>();

/**
 * The countries of the contact step's phone selector (those with a calling code), named as the
 * country pickers name them; built on the server and handed to the form as data, so the phone
 * metadata stays out of the page's JavaScript.
 */
export function phoneCountryOptions(locale: Locale = "en"): PhoneCountry[] {
  let list = lists.get(locale);
  if (list) return list;
  list = countryOptions(locale)
    .filter((country) => isSupportedCountry(country.value))
    .map((country) => ({
      value: country.value,
      label: country.label,
      callingCode: getCountryCallingCode(country.value as Parameters<typeof getCountryCallingCode>[0]),
    }));
  lists.set(locale, list);
  return list;
}

/**
 * The phone selector's first choice: the country of the business's registration address, else
 * of its registration, when the draft has one (a national number is most likely from there).
 */
export function defaultPhoneCountry(data: Record<string, unknown>): string | undefined {
  const address = data.registration_address as { registration_address_country_code?: unknown } | undefined;
  const business = data.business_details as { business_identifier_country_code?: unknown } | undefined;
  const known = new Set(phoneCountryOptions().map((country) => country.value));
  return [address?.registration_address_country_code, business?.business_identifier_country_code].find(
    (code): code is string => typeof code === "string" && known.has(code),
  );
}

/** Every list a wizard step form may pick from, in the reader's language, for a form prefilled from `data`. */
export function stepPickers(data: Record<string, unknown>, locale: Locale = "en"): StepPickers {
  return {
    countries: countryOptions(locale),
    currencies: currencyOptions(locale),
    industries: industryOptions(locale),
    phoneCountries: phoneCountryOptions(locale),
    defaultPhoneCountry: defaultPhoneCountry(data),
  };
}
