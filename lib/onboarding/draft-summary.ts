/**
 * The short summary of what a draft's completed steps hold, shown beside a wizard step: the
 * business, its country, the contact and how many representatives. Never an ID number, a date of
 * birth or an address line. Browser-safe and pure: the page names countries with its own list.
 */
import type { FormStep } from "./wizard-steps";

export interface SummaryItem {
  step: FormStep;
  label: string;
  value: string;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

export function draftSummary(
  data: Record<string, unknown>,
  completed: readonly FormStep[],
  countryName: (code: string) => string,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  const done = new Set(completed);
  const section = (name: string) => (data[name] ?? {}) as Record<string, unknown>;
  const add = (step: FormStep, label: string, value: string | null) => {
    if (done.has(step) && value) items.push({ step, label, value });
  };
  const business = section("business_details");
  add("company", "Company", text(business.business_name_english));
  const registeredIn = text(business.business_identifier_country_code);
  add("company", "Registered in", registeredIn && countryName(registeredIn));
  const address = section("registration_address");
  const city = text(address.registration_address_city);
  const country = text(address.registration_address_country_code);
  add("address", "Address", [city, country && countryName(country)].filter(Boolean).join(", ") || null);
  const usage = section("account_usage");
  add("usage", "Revenue currency", text(usage.estimated_monthly_revenue_currency));
  const contact = section("primary_contact");
  add("contact", "Contact email", text(contact.contact_email));
  const people = Array.isArray(data.business_person_list) ? data.business_person_list.length : 0;
  add("representatives", "Representatives", people > 0 ? `${people} ${people === 1 ? "person" : "people"}` : null);
  return items;
}
