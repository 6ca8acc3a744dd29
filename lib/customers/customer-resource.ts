import "server-only";
import { openStored } from "@/lib/crypto/personal-data";
import type { Prisma } from "@/lib/db";
import { toApiTimestamp } from "./fields";
import type { CustomerResource } from "./resource-schema";
import type { CustomerStatus } from "./schema";

/** A stored customer with what the API resource shows of it. */
export type StoredCustomer = Prisma.CustomerGetPayload<{
  include: { businessPersons: true; documents: true; requirements: true };
}>;

/** The query shape that loads a `StoredCustomer`, persons and documents in the order given. */
export const storedCustomerInclude = {
  businessPersons: { orderBy: { position: "asc" } },
  documents: { orderBy: { position: "asc" } },
  // What is due now: the requirements no update has cleared yet.
  requirements: { where: { clearedAt: null }, orderBy: [{ requestedAt: "asc" }, { field: "asc" }] },
} as const satisfies Prisma.CustomerInclude;

function timestampOrNull(date: Date | null): string | null {
  return date ? toApiTimestamp(date) : null;
}

/**
 * The one mapping from a stored customer to the API resource. Create, retrieve, list and
 * idempotent replay all answer through it, in the key order of the published API page.
 * `idNumbers`: "sealed" for persons as stored (one in clear is refused, see openStored); "clear"
 * only for persons a create or an update has just built from a validated request, before sealing
 * them for storage (the answer is made from those, with no unseal).
 */
export function toCustomerResource(
  customer: StoredCustomer,
  { idNumbers = "sealed" }: { idNumbers?: "sealed" | "clear" } = {},
): CustomerResource {
  return {
    partner_customer_id: customer.partnerCustomerId,
    business_details: {
      business_name_english: customer.businessNameEnglish,
      website: customer.website,
      business_identifier_number: customer.businessIdentifierNumber,
      business_identifier_country_code: customer.businessIdentifierCountryCode,
      business_identifier_document_list: customer.documents.map((document) => document.fileId),
      business_name: customer.businessName,
      business_identifier_start_date: timestampOrNull(customer.businessIdentifierStartDate),
      business_identifier_expiry_date: timestampOrNull(customer.businessIdentifierExpiryDate),
    },
    registration_address: {
      registration_address_line1: customer.registrationAddressLine1,
      registration_address_city: customer.registrationAddressCity,
      registration_address_state: customer.registrationAddressState,
      registration_address_postcode: customer.registrationAddressPostcode,
      registration_address_country_code: customer.registrationAddressCountryCode,
    },
    customer_id: customer.id,
    status: customer.status as CustomerStatus,
    created_at: toApiTimestamp(customer.createdAt),
    account_usage: {
      operating_country: customer.operatingCountry,
      goods_service_description: customer.goodsServiceDescription,
      industry_category_code: customer.industryCategoryCode,
      estimated_monthly_revenue_currency: customer.estimatedMonthlyRevenueCurrency,
      estimated_monthly_revenue_amount: Number(customer.estimatedMonthlyRevenueAmount),
    },
    primary_contact: {
      contact_phone: customer.contactPhone,
      contact_email: customer.contactEmail,
    },
    business_person_list: customer.businessPersons.map((person) => ({
      basic_info: {
        first_name_english: person.firstNameEnglish,
        last_name_english: person.lastNameEnglish,
        birth_date: toApiTimestamp(person.birthDate),
        nationality: person.nationality,
        first_name: person.firstName,
        last_name: person.lastName,
      },
      residential_address: {
        residential_address_line1: person.residentialAddressLine1,
        residential_address_city: person.residentialAddressCity,
        residential_address_postcode: person.residentialAddressPostcode,
        residential_address_country_code: person.residentialAddressCountryCode,
        residential_address_state: person.residentialAddressState,
      },
      identification: {
        id_number: idNumbers === "clear" ? person.idNumber : openStored(person.idNumber, "id_number", person.id),
        id_issuing_country_code: person.idIssuingCountryCode,
        id_expiration_date: timestampOrNull(person.idExpirationDate),
        id_issue_date: timestampOrNull(person.idIssueDate),
        id_document_front_file_id: person.idDocumentFrontFileId,
        id_document_back_file_id: person.idDocumentBackFileId,
      },
    })),
    // After the seed's keys: what a reviewer asked to be fixed and no update has changed yet.
    requirements: {
      currently_due: customer.requirements
        .filter((requirement) => requirement.clearedAt === null)
        .map((requirement) => ({ field: requirement.field, reason: requirement.reason })),
      requested_at: timestampOrNull(
        customer.requirements.reduce<Date | null>(
          (latest, requirement) =>
            requirement.clearedAt === null && (!latest || requirement.requestedAt > latest)
              ? requirement.requestedAt
              : latest,
          null,
        ),
      ),
    },
  };
}

const serialized = new WeakMap<CustomerResource, string>();

/**
 * A resource as JSON, serialized once: a create both stores it as the idempotent response and
 * answers with it.
 */
export function customerResourceJson(resource: CustomerResource): string {
  let json = serialized.get(resource);
  if (json === undefined) {
    json = JSON.stringify(resource);
    serialized.set(resource, json);
  }
  return json;
}
