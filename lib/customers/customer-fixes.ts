import "server-only";
import { userAuditActor } from "@/lib/audit/audit-events";
import { canAccessPartnerRecord, canUpdateCustomer, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fileSummaries, type FileSummary } from "@/lib/files/file-queries";
import { hasIdShape } from "@/lib/ids";
import { FORM_STEPS, stepOfField, type FormStep } from "@/lib/onboarding/steps";
import { referencedFiles } from "./create-customer";
import { storedCustomerInclude, toCustomerResource } from "./customer-resource";
import type { CustomerResource } from "./resource-schema";
import { updateCustomer, valueAt } from "./update-customer";

/** A customer as partner staff fix it in the wizard's steps: in full, as their API key reads it. */
export interface CustomerToFix {
  customer: CustomerResource;
  version: number;
  files: Record<string, FileSummary>;
  /** The wizard steps that show a field due, in the wizard's order. */
  stepsDue: FormStep[];
}

/**
 * A customer for partner staff of its partner to fix: the resource as the partner API answers
 * it (ID numbers included: the partner sent them, and a step form replaces whole sections).
 * Anyone else gets not found (another partner's staff) or forbidden (a reviewer).
 */
export async function getCustomerToFix(actor: Actor, customerId: string): Promise<CustomerToFix> {
  const { customer, version, partnerId } = await loadCustomerToFix(actor, customerId);
  const due = new Set(customer.requirements.currently_due.map((requirement) => stepOfField(requirement.field)));
  return {
    customer,
    version,
    files: await fileSummaries(
      partnerId,
      referencedFiles(customer).map((file) => file.fileId),
    ),
    stepsDue: FORM_STEPS.filter((step) => due.has(step)),
  };
}

async function loadCustomerToFix(actor: Actor, customerId: string) {
  const row = hasIdShape("cus", customerId)
    ? await db.customer.findUnique({ where: { id: customerId }, include: storedCustomerInclude })
    : null;
  if (!row || !canAccessPartnerRecord(actor, row.partnerId)) throw new AppError("not_found", 404, "No such customer.");
  if (!canUpdateCustomer(actor, row.partnerId)) {
    throw new AppError("forbidden", 403, "Only the partner's staff fix its customers.");
  }
  return { customer: toCustomerResource(row), version: row.version, partnerId: row.partnerId };
}

/** The sections each wizard step shows. */
export const STEP_SECTIONS: Record<FormStep, readonly string[]> = {
  company: ["business_details"],
  address: ["registration_address"],
  usage: ["account_usage"],
  contact: ["primary_contact"],
  representatives: ["business_person_list"],
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The step's values with each date the form shows as a day (`2023-11-07`) given back its stored
 * time of day when the day is unchanged, so that saving a step changes only what was edited.
 */
export function keepTimesOfUnchangedDays(value: unknown, current: CustomerResource, path: string): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => keepTimesOfUnchangedDays(item, current, `${path}.${index}`));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        keepTimesOfUnchangedDays(item, current, path ? `${path}.${key}` : key),
      ]),
    );
  }
  if (typeof value === "string" && DATE_ONLY.test(value)) {
    const stored = valueAt(current, path);
    if (typeof stored === "string" && stored.startsWith(`${value}T`)) return stored;
  }
  return value;
}

/**
 * Saves one wizard step of a customer being fixed by partner staff: the step's sections replace
 * the customer's through `updateCustomer`, from the version the page showed. The partner's
 * reference is shown on the company step but cannot change: unchanged, it is left out; changed,
 * the update refuses it on that field.
 */
export async function updateCustomerStep(
  actor: Actor & { name?: string; email?: string },
  customerId: string,
  step: FormStep,
  values: unknown,
  loadedVersion: number,
): Promise<{ version: number }> {
  const { customer } = await loadCustomerToFix(actor, customerId);
  if (!Object.hasOwn(STEP_SECTIONS, step) || typeof values !== "object" || values === null) {
    throw new AppError("validation_error", 400, "Nothing to save for this step.");
  }
  const given = values as Record<string, unknown>;
  const sections: Record<string, unknown> = {};
  for (const section of STEP_SECTIONS[step])
    sections[section] = keepTimesOfUnchangedDays(given[section], customer, section);
  const reference = typeof given.partner_customer_id === "string" ? given.partner_customer_id.trim() : undefined;
  if (step === "company" && reference !== undefined && reference !== customer.partner_customer_id) {
    sections.partner_customer_id = reference;
  }
  const { version } = await updateCustomer(
    { partnerId: actor.partnerId as string, actor: userAuditActor(actor) },
    customerId,
    sections,
    { expectedVersion: loadedVersion },
  );
  return { version };
}

const API_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * A section of the resource as a step form holds it: text inputs hold "" for nothing, and date
 * inputs a day (the save gives an unchanged day its stored time back).
 */
export function formValues(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(formValues);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, formValues(item)]));
  }
  if (typeof value === "string" && API_TIMESTAMP.test(value)) return value.slice(0, 10);
  return value;
}
