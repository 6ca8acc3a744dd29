import "server-only";
import {
  customerAuditTrail,
  recordAuditEvent,
  timelineFor,
  userAuditActor,
  type AuditEvent,
} from "@/lib/audit/audit-events";
import { can, canAccessPartnerRecord, canUpdateCustomer, type Actor } from "@/lib/auth/permissions";
import { openStored } from "@/lib/crypto/personal-data";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fileSummaries, type FileSummary } from "@/lib/files/file-queries";
import { referencedFiles } from "./create-customer";
import { storedCustomerInclude, toCustomerResource } from "./customer-resource";
import { decisionsFor, type Decision } from "./decisions";
import { requestableFields, type FieldLabels, type RequestableField } from "./fields";
import { fieldLabelsIn } from "@/lib/i18n/field-labels";
import { maskIdNumber } from "./mask";
import { customerRequirements, type RequirementView } from "./requirements";
import type { CustomerResource } from "./resource-schema";
import { hasIdShape } from "@/lib/ids";

type StaffActor = Actor & { name?: string; email?: string };

export interface CustomerForStaff {
  /** The API resource, with every ID number masked. */
  customer: CustomerResource;
  version: number;
  partnerName: string;
  files: Record<string, FileSummary>;
  /** The audit trail as this person may see it (reviewers' names hidden from partner staff). */
  trail: AuditEvent[];
  decisions: Decision[];
  canRevealIdNumbers: boolean;
  /** What a reviewer asked to fix, due and cleared. */
  requirements: RequirementView[];
  /** The fields updates changed since the latest request for information (none before any request). */
  changedSinceRequest: string[];
  /** For a reviewer of a pending customer: the fields to pick from; otherwise empty. */
  requestableFields: RequestableField[];
  /** Whether this person may fix the customer's sections (partner staff of a pending customer). */
  canUpdate: boolean;
}

function customerNotFound(): AppError {
  return new AppError("not_found", 404, "noSuchCustomer");
}

/** A customer for someone allowed to see it; anyone else gets not found, as for a missing one. */
async function loadCustomer(actor: Actor, customerId: string) {
  const row = hasIdShape("cus", customerId)
    ? await db.customer.findUnique({
        where: { id: customerId },
        include: { ...storedCustomerInclude, partner: { select: { name: true } } },
      })
    : null;
  // Someone else's customer is answered exactly like a missing one.
  if (!row || !canAccessPartnerRecord(actor, row.partnerId)) throw customerNotFound();
  return row;
}

/**
 * A customer as the detail page shows it to someone allowed to see it; otherwise not found. Fields
 * are named by `labels`, the reader's `fields` catalog.
 */
export async function getCustomerForStaff(
  actor: Actor,
  customerId: string,
  labels: FieldLabels = fieldLabelsIn("en"),
): Promise<CustomerForStaff> {
  const row = await loadCustomer(actor, customerId);
  const resource = toCustomerResource(row);
  const fileIds = referencedFiles(resource).map((file) => file.fileId);
  const events = await customerAuditTrail(row.id);
  const pending = row.status === "pending";
  return {
    customer: {
      ...resource,
      business_person_list: resource.business_person_list.map((person) => ({
        ...person,
        identification: { ...person.identification, id_number: maskIdNumber(person.identification.id_number) ?? "" },
      })),
    },
    version: row.version,
    partnerName: row.partner.name,
    files: await fileSummaries(row.partnerId, fileIds),
    // Redacted here, not by the page: partner staff never receive reviewers' names or emails.
    trail: await timelineFor(actor, events),
    decisions: can(actor, "customers:decide") ? decisionsFor(row.status) : [],
    canRevealIdNumbers: can(actor, "identity:reveal"),
    requirements: await customerRequirements(row.id, labels),
    changedSinceRequest: changedSinceLatestRequest(events),
    requestableFields:
      pending && can(actor, "customers:request-information")
        ? requestableFields(row.businessPersons.length, labels)
        : [],
    canUpdate: pending && canUpdateCustomer(actor, row.partnerId),
  };
}

/** The fields changed by the updates after the latest request for information, each once, in order. */
export function changedSinceLatestRequest(events: readonly AuditEvent[]): string[] {
  const latest = events.findLastIndex((event) => event.action === "customer.information_requested");
  if (latest < 0) return [];
  const changed = events
    .slice(latest + 1)
    .filter((event) => event.action === "customer.updated")
    .flatMap((event) => event.fields);
  return [...new Set(changed)];
}

/** One legal representative's full ID number, for a reviewer; every reveal is audited. */
export async function revealIdNumber(actor: StaffActor, customerId: string, position: number): Promise<string> {
  if (!can(actor, "identity:reveal")) throw new AppError("forbidden", 403, "onlyReviewersReveal");
  const row = await loadCustomer(actor, customerId);
  const person = row.businessPersons.find((candidate) => candidate.position === position);
  if (!person) throw new AppError("not_found", 404, "noSuchRepresentative");
  await recordAuditEvent({
    actor: userAuditActor(actor),
    action: "identity.revealed",
    customerId: row.id,
    partnerId: row.partnerId,
    subject: `Legal representative ${position + 1}`,
  });
  return openStored(person.idNumber, "id_number", person.id);
}
