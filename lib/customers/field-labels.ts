/** Browser-safe and dependency-free: the wizard's forms import it without loading Zod. */
/**
 * The one field-label map: every field of a customer by its API path, as the wizard, the review
 * step and the reviewer's page name it. A legal representative's fields are keyed by their path
 * inside one person; `fieldLabel` names any full path.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  partner_customer_id: "Your reference for this customer",
  "business_details.business_name_english": "Business name (English)",
  "business_details.business_name": "Business name (local language)",
  "business_details.business_identifier_number": "Registration number",
  "business_details.business_identifier_country_code": "Country of registration",
  "business_details.business_identifier_start_date": "Registered on",
  "business_details.business_identifier_expiry_date": "Registration expires on",
  "business_details.website": "Website",
  "business_details.business_identifier_document_list": "Registration documents",
  "registration_address.registration_address_line1": "Address line",
  "registration_address.registration_address_city": "City",
  "registration_address.registration_address_state": "State, province or region",
  "registration_address.registration_address_postcode": "Postcode",
  "registration_address.registration_address_country_code": "Country",
  "account_usage.operating_country": "Main operating country",
  "account_usage.industry_category_code": "Industry category",
  "account_usage.goods_service_description": "Goods or services sold",
  "account_usage.estimated_monthly_revenue_currency": "Revenue currency",
  "account_usage.estimated_monthly_revenue_amount": "Estimated monthly revenue",
  "primary_contact.contact_email": "Contact email",
  "primary_contact.contact_phone": "Contact phone",
};

export const PERSON_FIELD_LABELS: Readonly<Record<string, string>> = {
  "basic_info.first_name_english": "First name (English)",
  "basic_info.last_name_english": "Last name (English)",
  "basic_info.first_name": "First name (local)",
  "basic_info.last_name": "Last name (local)",
  "basic_info.birth_date": "Date of birth",
  "basic_info.nationality": "Nationality",
  "residential_address.residential_address_line1": "Home address",
  "residential_address.residential_address_city": "City",
  "residential_address.residential_address_state": "State or region",
  "residential_address.residential_address_postcode": "Postcode",
  "residential_address.residential_address_country_code": "Country of residence",
  "identification.id_number": "ID number",
  "identification.id_issuing_country_code": "ID issuing country",
  "identification.id_issue_date": "ID issued on",
  "identification.id_expiration_date": "ID expires on",
  "identification.id_document_front_file_id": "ID document front",
  "identification.id_document_back_file_id": "ID document back",
};

const SECTION_LABELS: Readonly<Record<string, string>> = {
  business_details: "Company details",
  registration_address: "Registration address",
  account_usage: "Account usage",
  primary_contact: "Primary contact",
  business_person_list: "Legal representatives",
};

const PERSON_PATH = /^business_person_list\.(\d+)(?:\.(.+))?$/;
const DOCUMENT_PATH = /^business_details\.business_identifier_document_list\.(\d+)$/;

/** A field's label from its full API path: `business_person_list.0.identification.id_number` → "Legal representative 1: ID number". */
export function fieldLabel(path: string): string {
  const person = PERSON_PATH.exec(path);
  if (person) {
    const who = `Legal representative ${Number(person[1]) + 1}`;
    return person[2] ? `${who}: ${PERSON_FIELD_LABELS[person[2]] ?? person[2]}` : who;
  }
  const document = DOCUMENT_PATH.exec(path);
  if (document) return `Registration document ${Number(document[1]) + 1}`;
  return FIELD_LABELS[path] ?? SECTION_LABELS[path] ?? path;
}

/** A field a reviewer can ask to be fixed: its path, its label and the section it is shown in. */
export interface RequestableField {
  field: string;
  label: string;
  section: string;
}

/** Every field of a customer with `personCount` legal representatives, for the reviewer's picker. */
export function requestableFields(personCount: number): RequestableField[] {
  const fields: RequestableField[] = Object.keys(FIELD_LABELS)
    .filter((field) => field !== "partner_customer_id")
    .map((field) => ({ field, label: fieldLabel(field), section: SECTION_LABELS[field.split(".")[0]] }));
  for (let position = 0; position < personCount; position += 1) {
    for (const inside of Object.keys(PERSON_FIELD_LABELS)) {
      const field = `business_person_list.${position}.${inside}`;
      fields.push({ field, label: fieldLabel(field), section: `Legal representative ${position + 1}` });
    }
  }
  return fields;
}
