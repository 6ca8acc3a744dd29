import "server-only";
import { auditEventRow, type AuditActor } from "@/lib/audit/audit-events";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError, fieldErrorsFromZod, validationError, type FieldError } from "@/lib/errors";
import { eventRow } from "@/lib/events/events";
import { hasIdShape } from "@/lib/ids";
import { findStoredResponse, storedResponseRow, type IdempotencyClaim } from "@/lib/idempotency/idempotency-keys";
import {
  businessPersonRows,
  checkFilesBelongToPartner,
  documentRows,
  IdempotencyRaceLost,
  parseCreateCustomerRequest,
  sealedPersonRows,
  sectionColumns,
} from "./create-customer";
import {
  customerResourceJson,
  storedCustomerInclude,
  toCustomerResource,
  type StoredCustomer,
} from "./customer-resource";
import { customerNotPending } from "./requirements";
import type { CustomerResource } from "./resource-schema";
import type { CreateCustomerInput } from "./schema";
import { UPDATABLE_SECTIONS, updateCustomerRequestSchema, type UpdateCustomerRequest } from "./update-schema";

/**
 * Who updates a customer: the partner it must belong to, and the API key or person acting for it.
 * The door decides who that is (an API key's partner, partner staff of that partner, a hosted
 * link's partner); a customer of another partner is answered as not found.
 */
export interface CustomerUpdater {
  partnerId: string;
  actor: AuditActor;
}

export interface UpdateCustomerOptions {
  /** Record the answer under this Idempotency-Key, in the same transaction as the update. */
  idempotency?: IdempotencyClaim;
  /** The version the page was loaded at: if the customer changed since, the update is refused (409 conflict). */
  expectedVersion?: number;
}

export interface CustomerUpdate {
  /** The customer as GET /api/customers/{id} now answers. */
  customer: CustomerResource;
  version: number;
  /** The API paths of the fields whose value changed (never the values). */
  changedFields: string[];
}

function customerNotFound(): AppError {
  return new AppError("not_found", 404, "noSuchCustomer");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates an Update Customer request: whole sections, each by its section schema. The partner's
 * reference is refused with a clear error rather than as an unknown field.
 */
export function parseUpdateCustomerRequest(input: unknown): UpdateCustomerRequest {
  const details: FieldError[] = [];
  let body = input;
  if (isRecord(input) && Object.hasOwn(input, "partner_customer_id")) {
    details.push({
      field: "partner_customer_id",
      code: "not_updatable",
      message: { key: "partnerCustomerIdFixed" },
    });
    body = Object.fromEntries(Object.entries(input).filter(([key]) => key !== "partner_customer_id"));
  }
  const parsed = updateCustomerRequestSchema.safeParse(body);
  if (!parsed.success) details.push(...fieldErrorsFromZod(parsed.error));
  if (details.length > 0 || !parsed.success) throw validationError(details);
  return parsed.data;
}

/** The value at an API path (`business_person_list.0.identification.id_number`), or undefined. */
export function valueAt(resource: unknown, path: string): unknown {
  let value = resource;
  for (const key of path.split(".")) {
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : undefined;
    else if (isRecord(value)) value = Object.hasOwn(value, key) ? value[key] : undefined;
    else return undefined;
  }
  return value;
}

function leaves(value: unknown, path: string, into: Map<string, string>): void {
  if (Array.isArray(value)) value.forEach((item, index) => leaves(item, `${path}.${index}`, into));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) leaves(item, `${path}.${key}`, into);
  else into.set(path, JSON.stringify(value ?? null));
}

/** The paths of the leaf fields of `sections` whose value differs between two resources, in order. */
export function changedFields(
  before: CustomerResource,
  after: CustomerResource,
  sections: readonly string[],
): string[] {
  const changed: string[] = [];
  for (const section of sections) {
    const old = new Map<string, string>();
    const now = new Map<string, string>();
    leaves(valueAt(before, section), section, old);
    leaves(valueAt(after, section), section, now);
    for (const path of new Set([...old.keys(), ...now.keys()])) {
      if (old.get(path) !== now.get(path)) changed.push(path);
    }
  }
  return changed;
}

function sameValue(before: unknown, after: unknown): boolean {
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null);
}

/** The request a stored customer would be created with, with the sections of `update` replaced. */
function mergedRequest(current: CustomerResource, update: UpdateCustomerRequest): CreateCustomerInput {
  return {
    partner_customer_id: current.partner_customer_id,
    business_details: update.business_details ?? current.business_details,
    registration_address: update.registration_address ?? current.registration_address,
    account_usage: update.account_usage ?? current.account_usage,
    primary_contact: update.primary_contact ?? current.primary_contact,
    business_person_list: update.business_person_list ?? current.business_person_list,
  } as CreateCustomerInput;
}

/**
 * The one function that updates a customer, for the API, the portal and hosted links alike: it
 * replaces whole sections of a pending customer. Each section is validated by its schema, then
 * the merged customer by the full request schema (cross-section rules included) and the files it
 * refers to, all before anything is written (and the merge checked again under the lock, since
 * another update may have changed the sections kept). Then, in one transaction with the row locked
 * (SELECT … FOR UPDATE, so a decision or another update waits or is refused): the new section
 * rows (ID numbers sealed), the version bump, the requirements cleared whose field's value changed,
 * the `customer.updated` audit event with the changed field paths, the partner's customer.updated
 * event, and the idempotent response when a key is claimed.
 */
export async function updateCustomer(
  updater: CustomerUpdater,
  customerId: string,
  sections: unknown,
  options: UpdateCustomerOptions = {},
): Promise<CustomerUpdate> {
  const update = parseUpdateCustomerRequest(sections);
  if (!hasIdShape("cus", customerId)) throw customerNotFound();
  const replaced = UPDATABLE_SECTIONS.filter((section) => update[section] !== undefined);
  // Every check that reads other rows runs first, outside the transaction: a transaction holds
  // its connection, and one waiting for a second connection of the same pool could wait forever.
  const current = await db.customer.findUnique({ where: { id: customerId }, include: storedCustomerInclude });
  // Another partner's customer is answered exactly like a missing one.
  if (!current || current.partnerId !== updater.partnerId) throw customerNotFound();
  if (current.status !== "pending") throw customerNotPending(current.status);
  const checked = parseCreateCustomerRequest(mergedRequest(toCustomerResource(current), update));
  // The stored files are the partner's already; only the sections sent can bring new ones.
  await checkFilesBelongToPartner(updater.partnerId, checked);
  try {
    return await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ partnerId: string; status: string; version: number }[]>`
        SELECT "partnerId", "status", "version" FROM "Customer" WHERE "id" = ${customerId} FOR UPDATE`;
      if (!locked || locked.partnerId !== updater.partnerId) throw customerNotFound();
      if (locked.status !== "pending") throw customerNotPending(locked.status);
      if (options.expectedVersion !== undefined && locked.version !== options.expectedVersion) {
        throw new AppError("conflict", 409, "changedSincePageLoaded");
      }
      // Read again under the lock: the sections not sent are kept as they are now.
      const stored = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, include: storedCustomerInclude });
      const before = toCustomerResource(stored);
      const request = parseCreateCustomerRequest(mergedRequest(before, update));

      const now = new Date();
      const version = locked.version + 1;
      const documents = update.business_details
        ? documentRows(customerId, request.business_details.business_identifier_document_list)
        : stored.documents;
      const people = update.business_person_list
        ? businessPersonRows(customerId, request.business_person_list)
        : stored.businessPersons;
      const updated: StoredCustomer = {
        ...stored,
        ...sectionColumns(request),
        version,
        updatedAt: now,
        documents,
        businessPersons: people,
      };
      // New persons are built in clear from the request; kept ones are as stored, sealed.
      const idNumbers = update.business_person_list ? "clear" : "sealed";
      const after = toCustomerResource(updated, { idNumbers });
      const changed = changedFields(before, after, replaced);
      const cleared = stored.requirements.filter(
        (requirement) => !sameValue(valueAt(before, requirement.field), valueAt(after, requirement.field)),
      );
      const clearedIds = new Set(cleared.map((requirement) => requirement.id));
      const customer = toCustomerResource(
        { ...updated, requirements: stored.requirements.filter((requirement) => !clearedIds.has(requirement.id)) },
        { idNumbers },
      );
      const json = customerResourceJson(customer);

      await tx.customer.update({
        where: { id: customerId },
        data: { ...sectionColumns(request), version, updatedAt: now },
      });
      if (update.business_details) {
        await tx.customerDocument.deleteMany({ where: { customerId } });
        await tx.customerDocument.createMany({ data: documents });
      }
      if (update.business_person_list) {
        await tx.businessPerson.deleteMany({ where: { customerId } });
        await tx.businessPerson.createMany({ data: sealedPersonRows(people) });
      }
      const audit = auditEventRow(
        { actor: updater.actor, action: "customer.updated", customerId, partnerId: updater.partnerId, fields: changed },
        now,
      );
      await tx.auditEvent.create({ data: audit });
      if (cleared.length > 0) {
        await tx.customerRequirement.updateMany({
          where: { id: { in: [...clearedIds] }, clearedAt: null },
          data: { clearedAt: now, clearedByEventId: audit.id },
        });
      }
      await tx.event.create({
        data: eventRow({ type: "customer.updated", partnerId: updater.partnerId, customerId, createdAt: now }, json, {
          changed_fields: changed,
        }),
      });
      if (options.idempotency) {
        await tx.idempotencyKey.create({ data: storedResponseRow(options.idempotency, 200, json) });
      }
      return { customer, version, changedFields: changed };
    });
  } catch (error) {
    // The key was answered by another request meanwhile: nothing of this one was written.
    if (options.idempotency && isUniqueViolation(error) && (await findStoredResponse(options.idempotency))) {
      throw new IdempotencyRaceLost();
    }
    throw error;
  }
}
