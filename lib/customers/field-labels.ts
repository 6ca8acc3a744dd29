/** Browser-safe and dependency-free: the wizard's forms import it without loading Zod. */
/**
 * The one field-label map, per language: every field of a customer by its API path, as the
 * wizard, the review step and the reviewer's page name it. The words are in the `fields` catalog
 * (`messages/fields/<locale>.json`, nested as the paths are); this module knows the paths and how
 * to name any full path, including a legal representative's fields and a numbered document.
 */
/**
 * Something that names a field: next-intl's translator for the `fields` catalog
 * (`messages/fields/<locale>.json`), from `useTranslations("fields")` in a client component or
 * `getTranslations("fields")` on the server.
 */
export interface FieldLabels {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** Every field of a customer outside its legal representatives, by API path. */
export const FIELD_PATHS = [
  "partner_customer_id",
  "business_details.business_name_english",
  "business_details.business_name",
  "business_details.business_identifier_number",
  "business_details.business_identifier_country_code",
  "business_details.business_identifier_start_date",
  "business_details.business_identifier_expiry_date",
  "business_details.website",
  "business_details.business_identifier_document_list",
  "registration_address.registration_address_line1",
  "registration_address.registration_address_city",
  "registration_address.registration_address_state",
  "registration_address.registration_address_postcode",
  "registration_address.registration_address_country_code",
  "account_usage.operating_country",
  "account_usage.industry_category_code",
  "account_usage.goods_service_description",
  "account_usage.estimated_monthly_revenue_currency",
  "account_usage.estimated_monthly_revenue_amount",
  "primary_contact.contact_email",
  "primary_contact.contact_phone",
] as const;

/** Every field of one legal representative, by its path inside the person. */
export const PERSON_FIELD_PATHS = [
  "basic_info.first_name_english",
  "basic_info.last_name_english",
  "basic_info.first_name",
  "basic_info.last_name",
  "basic_info.birth_date",
  "basic_info.nationality",
  "residential_address.residential_address_line1",
  "residential_address.residential_address_city",
  "residential_address.residential_address_state",
  "residential_address.residential_address_postcode",
  "residential_address.residential_address_country_code",
  "identification.id_number",
  "identification.id_issuing_country_code",
  "identification.id_issue_date",
  "identification.id_expiration_date",
  "identification.id_document_front_file_id",
  "identification.id_document_back_file_id",
] as const;

export type PersonFieldPath = (typeof PERSON_FIELD_PATHS)[number];

const PERSON_PATH = /^business_person_list\.(\d+)(?:\.(.+))?$/;
const DOCUMENT_PATH = /^business_details\.business_identifier_document_list\.(\d+)$/;

/** A legal representative's field by its path inside the person: "First name (English)". */
export function personFieldLabel(inside: string, labels: FieldLabels): string {
  return labels.has(`person.${inside}`) ? labels(`person.${inside}`) : inside;
}

/** A field's label from its full API path: `business_person_list.0.identification.id_number` → "Legal representative 1: ID number". */
export function fieldLabel(path: string, labels: FieldLabels): string {
  const person = PERSON_PATH.exec(path);
  if (person) {
    const representative = labels("representative", { number: Number(person[1]) + 1 });
    return person[2]
      ? labels("representativeField", { representative, field: personFieldLabel(person[2], labels) })
      : representative;
  }
  const document = DOCUMENT_PATH.exec(path);
  if (document) return labels("document", { number: Number(document[1]) + 1 });
  if (labels.has(path) && (FIELD_PATHS as readonly string[]).includes(path)) return labels(path);
  return labels.has(`sections.${path}`) ? labels(`sections.${path}`) : path;
}

/** A field a reviewer can ask to be fixed: its path, its label and the section it is shown in. */
export interface RequestableField {
  field: string;
  label: string;
  section: string;
}

/** The paths of every field a customer with `personCount` legal representatives has. */
export function requestableFieldPaths(personCount: number): string[] {
  const paths: string[] = FIELD_PATHS.filter((field) => field !== "partner_customer_id");
  for (let position = 0; position < personCount; position += 1) {
    for (const inside of PERSON_FIELD_PATHS) paths.push(`business_person_list.${position}.${inside}`);
  }
  return paths;
}

/** Every field of a customer with `personCount` legal representatives, for the reviewer's picker. */
export function requestableFields(personCount: number, labels: FieldLabels): RequestableField[] {
  return requestableFieldPaths(personCount).map((field) => {
    const person = PERSON_PATH.exec(field);
    const section = person
      ? labels("representative", { number: Number(person[1]) + 1 })
      : labels(`sections.${field.split(".")[0]}`);
    return { field, label: fieldLabel(field, labels), section };
  });
}
