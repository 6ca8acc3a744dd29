import "server-only";
import { auditEventRow, type AuditActor } from "@/lib/audit/audit-events";
import { seal } from "@/lib/crypto/personal-data";
import { db, insertTogether, isUniqueViolation, Prisma } from "@/lib/db";
import { AppError, fieldErrorsFromZod, validationError, type FieldError } from "@/lib/errors";
import { fileIdsNotOwnedBy } from "@/lib/files/upload-file";
import { newId } from "@/lib/ids";
import { GroupCommit } from "@/lib/group-commit";
import { eventRow, type EventRow } from "@/lib/events/events";
import { findStoredResponse, storedResponseRow, type IdempotencyClaim } from "@/lib/idempotency/idempotency-keys";
import { customerResourceJson, toCustomerResource, type StoredCustomer } from "./customer-resource";
import type { CustomerResource } from "./resource-schema";
import { createCustomerRequestSchema, type CreateCustomerRequest } from "./schema";

/** Who creates the customer: the partner it belongs to, and the API key or person acting for it. */
export interface CustomerCreator {
  partnerId: string;
  actor: AuditActor;
}

/** Thrown when the claimed Idempotency-Key already has a response; the door replays it. */
export class IdempotencyRaceLost extends Error {
  constructor() {
    super("Another request with this Idempotency-Key completed first.");
  }
}

/** Validates a Create Customer request; throws the one validation error with every failing field. */
export function parseCreateCustomerRequest(input: unknown): CreateCustomerRequest {
  const parsed = createCustomerRequestSchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  return parsed.data;
}

/** What refers to files in a request or a customer resource (the two share the API's shape). */
interface FileReferences {
  business_details: { business_identifier_document_list?: readonly string[] | null };
  business_person_list: readonly {
    identification: { id_document_front_file_id?: string | null; id_document_back_file_id?: string | null };
  }[];
}

/** Every file id the request refers to, with the path of the field that holds it. */
export function referencedFiles(request: FileReferences): { field: string; fileId: string }[] {
  const files = (request.business_details.business_identifier_document_list ?? []).map((fileId, index) => ({
    field: `business_details.business_identifier_document_list.${index}`,
    fileId,
  }));
  request.business_person_list.forEach((person, index) => {
    const { id_document_front_file_id: front, id_document_back_file_id: back } = person.identification;
    if (front)
      files.push({ field: `business_person_list.${index}.identification.id_document_front_file_id`, fileId: front });
    if (back)
      files.push({ field: `business_person_list.${index}.identification.id_document_back_file_id`, fileId: back });
  });
  return files;
}

export async function checkFilesBelongToPartner(partnerId: string, request: CreateCustomerRequest): Promise<void> {
  const files = referencedFiles(request);
  const missing = await fileIdsNotOwnedBy(
    partnerId,
    files.map((file) => file.fileId),
  );
  if (missing.size === 0) return;
  // Another partner's file gets the same answer as an unknown one: its existence is not ours to tell.
  const details: FieldError[] = files
    .filter((file) => missing.has(file.fileId))
    .map((file) => ({
      field: file.field,
      code: "file_not_found",
      message: { key: "fileNotYours" },
    }));
  throw validationError(details, "filesDoNotExist");
}

/**
 * The checks a request passes before anything is written, in create's order: its fields, then
 * the files it refers to. The last check, a duplicate partner_customer_id, differs between the
 * two callers: create leaves it to the unique index (so that concurrent requests create one
 * customer), the dry run looks it up; both answer with `duplicateCustomerError`.
 */
async function checkRequest(input: unknown, partnerId: string): Promise<CreateCustomerRequest> {
  const request = parseCreateCustomerRequest(input);
  await checkFilesBelongToPartner(partnerId, request);
  return request;
}

const dateOrNull = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/** The Customer columns that hold the four single sections of a request. */
export function sectionColumns(request: Omit<CreateCustomerRequest, "business_person_list" | "partner_customer_id">) {
  const {
    business_details: business,
    registration_address: address,
    account_usage: usage,
    primary_contact: contact,
  } = request;
  return {
    businessNameEnglish: business.business_name_english,
    businessName: business.business_name ?? null,
    website: business.website ?? null,
    businessIdentifierNumber: business.business_identifier_number,
    businessIdentifierCountryCode: business.business_identifier_country_code,
    businessIdentifierStartDate: dateOrNull(business.business_identifier_start_date),
    businessIdentifierExpiryDate: dateOrNull(business.business_identifier_expiry_date),
    registrationAddressLine1: address.registration_address_line1,
    registrationAddressCity: address.registration_address_city,
    registrationAddressState: address.registration_address_state ?? null,
    registrationAddressPostcode: address.registration_address_postcode ?? null,
    registrationAddressCountryCode: address.registration_address_country_code,
    operatingCountry: usage.operating_country,
    goodsServiceDescription: usage.goods_service_description ?? null,
    industryCategoryCode: usage.industry_category_code ?? null,
    estimatedMonthlyRevenueCurrency: usage.estimated_monthly_revenue_currency,
    estimatedMonthlyRevenueAmount: new Prisma.Decimal(String(usage.estimated_monthly_revenue_amount)),
    contactPhone: contact.contact_phone ?? null,
    contactEmail: contact.contact_email,
  };
}

/** The CustomerDocument rows of a business_identifier_document_list, in its order. */
export function documentRows(customerId: string, fileIds: readonly string[] | null | undefined) {
  return (fileIds ?? []).map((fileId, position) => ({ customerId, fileId, position }));
}

/** The BusinessPerson rows of a business_person_list, in its order, with new ids (not sealed yet). */
export function businessPersonRows(
  customerId: string,
  people: CreateCustomerRequest["business_person_list"],
): StoredCustomer["businessPersons"] {
  return people.map((person, position) => {
    const { basic_info: basic, residential_address: home, identification: id } = person;
    return {
      id: newId("bp"),
      customerId,
      position,
      firstNameEnglish: basic.first_name_english,
      lastNameEnglish: basic.last_name_english,
      firstName: basic.first_name ?? null,
      lastName: basic.last_name ?? null,
      birthDate: new Date(basic.birth_date),
      nationality: basic.nationality,
      residentialAddressLine1: home?.residential_address_line1 ?? null,
      residentialAddressCity: home?.residential_address_city ?? null,
      residentialAddressState: home?.residential_address_state ?? null,
      residentialAddressPostcode: home?.residential_address_postcode ?? null,
      residentialAddressCountryCode: home?.residential_address_country_code ?? null,
      idNumber: id.id_number,
      idIssuingCountryCode: id.id_issuing_country_code,
      idIssueDate: dateOrNull(id.id_issue_date),
      idExpirationDate: dateOrNull(id.id_expiration_date),
      idDocumentFrontFileId: id.id_document_front_file_id ?? null,
      idDocumentBackFileId: id.id_document_back_file_id ?? null,
    };
  });
}

/** People rows as they are stored: each ID number sealed, bound to the person's id. */
export function sealedPersonRows(people: StoredCustomer["businessPersons"]): StoredCustomer["businessPersons"] {
  return people.map((person) => ({ ...person, idNumber: seal(person.idNumber, "id_number", person.id) }));
}

/** The rows of a new customer, shaped as they will be read back, so the answer needs no re-read. */
function newCustomerRows(request: CreateCustomerRequest, creator: CustomerCreator): StoredCustomer {
  const customerId = newId("cus");
  const now = new Date();
  return {
    id: customerId,
    partnerId: creator.partnerId,
    createdByApiKeyId: creator.actor.type === "api_key" ? creator.actor.id : null,
    createdByUserId: creator.actor.type === "user" ? creator.actor.id : null,
    partnerCustomerId: request.partner_customer_id,
    status: "pending",
    version: 0,
    createdAt: now,
    updatedAt: now,
    ...sectionColumns(request),
    documents: documentRows(customerId, request.business_details.business_identifier_document_list),
    businessPersons: businessPersonRows(customerId, request.business_person_list),
    requirements: [],
  };
}

async function duplicateCustomerError(partnerId: string, partnerCustomerId: string): Promise<AppError | null> {
  const existing = await db.customer.findUnique({
    where: { partnerId_partnerCustomerId: { partnerId, partnerCustomerId } },
    select: { id: true },
  });
  if (!existing) return null;
  return new AppError(
    "duplicate_partner_customer_id",
    409,
    { key: "duplicateCustomer", values: { customerId: existing.id } },
    [{ field: "partner_customer_id", code: "duplicate", message: { key: "partnerCustomerIdInUse" } }],
    { customer_id: existing.id },
  );
}

/** One customer's rows, written in the same transaction as others of its group. */
interface CustomerRows {
  customer: Omit<StoredCustomer, "documents" | "businessPersons" | "requirements">;
  documents: StoredCustomer["documents"];
  businessPersons: StoredCustomer["businessPersons"];
  /** Built (and sealed) before the rows join a group, so that nothing about it can fail the group. */
  idempotentResponse?: ReturnType<typeof storedResponseRow>;
  created: ReturnType<typeof auditEventRow>;
  /** The partner's customer.created event, in the same statement as the customer. */
  event: EventRow;
}

async function writeCustomers(groups: CustomerRows[]): Promise<void> {
  const createdAt = new Date();
  await insertTogether([
    { table: "Customer", rows: groups.map((rows) => rows.customer) },
    { table: "BusinessPerson", rows: groups.flatMap((rows) => rows.businessPersons) },
    { table: "AuditEvent", rows: groups.map((rows) => rows.created) },
    { table: "CustomerDocument", rows: groups.flatMap((rows) => rows.documents) },
    { table: "Event", rows: groups.map((rows) => rows.event) },
    {
      table: "IdempotencyKey",
      rows: groups.flatMap((rows) => (rows.idempotentResponse ? [{ ...rows.idempotentResponse, createdAt }] : [])),
    },
  ]);
}

const globalForWrites = globalThis as unknown as { axisfiCustomerWrites?: GroupCommit<CustomerRows> };
const customerWrites = (globalForWrites.axisfiCustomerWrites ??= new GroupCommit(writeCustomers));

/**
 * The one function that creates a customer, for the API and the wizard alike. It validates
 * everything before writing anything, then writes the customer, its people, its document links,
 * its "created" audit event, the partner's customer.created event and the idempotent response (when a key is claimed) in one transaction, shared with whatever
 * other customers are being created at the same moment (see GroupCommit). A duplicate
 * partner_customer_id is caught by the unique index, so concurrent requests create one customer;
 * a claimed Idempotency-Key that already has a response is caught by its primary key.
 */
export async function createCustomer(
  input: unknown,
  creator: CustomerCreator,
  options: { idempotency?: IdempotencyClaim } = {},
): Promise<CustomerResource> {
  const request = await checkRequest(input, creator.partnerId);

  const { documents, businessPersons, requirements, ...customer } = newCustomerRows(request, creator);
  const resource = toCustomerResource(
    { ...customer, documents, businessPersons, requirements },
    { idNumbers: "clear" },
  );
  const rows: CustomerRows = {
    customer,
    documents,
    // The answer is built from the plaintext above; only the rows are sealed, once per person.
    businessPersons: sealedPersonRows(businessPersons),
    idempotentResponse:
      options.idempotency && storedResponseRow(options.idempotency, 200, customerResourceJson(resource)),
    created: auditEventRow(
      {
        actor: creator.actor,
        action: "customer.created",
        customerId: customer.id,
        partnerId: creator.partnerId,
        toStatus: "pending",
      },
      customer.createdAt,
    ),
    event: eventRow(
      {
        type: "customer.created",
        partnerId: creator.partnerId,
        customerId: customer.id,
        createdAt: customer.createdAt,
      },
      customerResourceJson(resource),
    ),
  };
  try {
    await customerWrites.write(rows);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Which unique index refused the rows decides the answer. An Idempotency-Key whose stored
    // response has expired is deleted by the look-up, so the write is tried once more.
    if (options.idempotency) {
      if (await findStoredResponse(options.idempotency)) throw new IdempotencyRaceLost();
    }
    const duplicate = await duplicateCustomerError(creator.partnerId, request.partner_customer_id);
    if (duplicate) throw duplicate;
    if (!options.idempotency) throw error;
    await customerWrites.write(rows);
  }
  return resource;
}

/**
 * The dry run of `createCustomer`: the same checks in the same order, refused with the same
 * errors, and nothing written (no customer, audit event or idempotent response).
 */
export async function validateCustomer(input: unknown, partnerId: string): Promise<void> {
  const request = await checkRequest(input, partnerId);
  const duplicate = await duplicateCustomerError(partnerId, request.partner_customer_id);
  if (duplicate) throw duplicate;
}
