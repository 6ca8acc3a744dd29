/**
 * The short summary of what a draft's completed steps hold, shown beside a wizard step: the
 * business, its country, the contact and how many representatives. Never an ID number, a date of
 * birth or an address line. Browser-safe and pure: facts by code (`key`), which the page names in
 * the reader's language (the `onboardingPages` catalog, `summary.<key>`); countries are named with
 * the page's own list.
 */
import type { FormStep } from "./wizard-steps";

export type SummaryKey = "company" | "registeredIn" | "address" | "revenueCurrency" | "contactEmail";

/** One fact of a draft: a value as entered, or (the representatives) a count. */
export type SummaryFact =
  | { step: FormStep; key: SummaryKey; value: string }
  | { step: "representatives"; key: "representatives"; count: number };

/** A fact as a page shows it, named and worded. */
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
): SummaryFact[] {
  const items: SummaryFact[] = [];
  const done = new Set(completed);
  const section = (name: string) => (data[name] ?? {}) as Record<string, unknown>;
  const add = (step: FormStep, key: SummaryKey, value: string | null) => {
    if (done.has(step) && value) items.push({ step, key, value });
  };
  const business = section("business_details");
  add("company", "company", text(business.business_name_english));
  const registeredIn = text(business.business_identifier_country_code);
  add("company", "registeredIn", registeredIn && countryName(registeredIn));
  const address = section("registration_address");
  const city = text(address.registration_address_city);
  const country = text(address.registration_address_country_code);
  add("address", "address", [city, country && countryName(country)].filter(Boolean).join(", ") || null);
  const usage = section("account_usage");
  add("usage", "revenueCurrency", text(usage.estimated_monthly_revenue_currency));
  const contact = section("primary_contact");
  add("contact", "contactEmail", text(contact.contact_email));
  const people = Array.isArray(data.business_person_list) ? data.business_person_list.length : 0;
  if (done.has("representatives") && people > 0) {
    items.push({ step: "representatives", key: "representatives", count: people });
  }
  return items;
}
