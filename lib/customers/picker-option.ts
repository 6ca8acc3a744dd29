import type { PhoneCountry } from "./phone";

/** An option of a country, currency or category picker: the code, and what people read. */
export interface PickerOption {
  value: string;
  label: string;
  /** Other names people search by: a country's short names and its name in its own language. */
  aliases?: string[];
}

/** The lists the wizard's step forms pick from, built on the server for the step's page. */
export interface StepPickers {
  countries: PickerOption[];
  currencies: PickerOption[];
  industries: PickerOption[];
  phoneCountries: PhoneCountry[];
  /** The phone country the contact step starts on (the registration country, when known). */
  defaultPhoneCountry?: string;
}
