import "server-only";
import { userAuditActor } from "@/lib/audit/audit-events";
import { canAccessPartnerRecord, canUpdateCustomer, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, validationError, type FieldError } from "@/lib/errors";
import { fileSummaries, type FileSummary } from "@/lib/files/file-queries";
import { hasIdShape } from "@/lib/ids";
import { FORM_STEPS, stepOfField, type FormStep } from "@/lib/onboarding/steps";
import { referencedFiles } from "./create-customer";
import { storedCustomerInclude, toCustomerResource } from "./customer-resource";
import { maskIdNumber } from "./mask";
import type { CustomerResource } from "./resource-schema";
import { updateCustomer, valueAt } from "./update-customer";

/** A customer as partner staff fix it in the wizard's steps: as their API key reads it, ID numbers masked. */
export interface CustomerToFix {
  customer: CustomerResource;
  version: number;
  files: Record<string, FileSummary>;
  /** The wizard steps that show a field due, in the wizard's order. */
  stepsDue: FormStep[];
}

/**
 * A customer for partner staff of its partner to fix: the resource as the partner API answers
 * it, but with ID numbers masked as everywhere else in the portal (any partner user may open this
 * page; a reviewer alone reveals an ID number, audited). Saving a step gives an unchanged mask its
 * stored number back (restoreMaskedIdNumbers). Anyone else gets not found (another partner's
 * staff) or forbidden (a reviewer).
 */
export async function getCustomerToFix(actor: Actor, customerId: string): Promise<CustomerToFix> {
  const { customer, version, partnerId } = await loadCustomerToFix(actor, customerId);
  const due = new Set(customer.requirements.currently_due.map((requirement) => stepOfField(requirement.field)));
  return {
    customer: withIdNumbersMasked(customer),
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
  if (!row || !canAccessPartnerRecord(actor, row.partnerId)) throw new AppError("not_found", 404, "noSuchCustomer");
  if (!canUpdateCustomer(actor, row.partnerId)) {
    throw new AppError("forbidden", 403, "onlyPartnerStaffFix");
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

/** The customer with each person's ID number masked, for a form that shows it. */
export function withIdNumbersMasked<T extends Pick<CustomerResource, "business_person_list">>(customer: T): T {
  return {
    ...customer,
    business_person_list: customer.business_person_list.map((person) => ({
      ...person,
      identification: { ...person.identification, id_number: maskIdNumber(person.identification.id_number) ?? "" },
    })),
  };
}

const MASK = "•";

/**
 * A representatives section saved from a form that showed masked ID numbers: a number left as its
 * mask gets the stored number back; any other masked text is refused (it would store the mask as
 * the number). Compared person by person, by position, as the form shows them.
 */
export function restoreMaskedIdNumbers(section: unknown, current: CustomerResource): unknown {
  if (!Array.isArray(section)) return section;
  const refused: FieldError[] = [];
  const restored = section.map((person: unknown, index) => {
    const identification = (person as { identification?: { id_number?: unknown } } | null)?.identification;
    const given = identification?.id_number;
    if (typeof given !== "string" || !given.includes(MASK)) return person;
    const stored = current.business_person_list[index]?.identification.id_number;
    if (stored !== undefined && given.trim() === maskIdNumber(stored)) {
      return { ...(person as object), identification: { ...identification, id_number: stored } };
    }
    refused.push({
      field: `business_person_list.${index}.identification.id_number`,
      code: "invalid_format",
      message: { key: "enterFullIdNumber" },
    });
    return person;
  });
  if (refused.length > 0) throw validationError(refused);
  return restored;
}

/** A section as a step form sends it, made ready to replace the stored one (see the two helpers). */
export function sectionFromStepForm(value: unknown, current: CustomerResource, section: string): unknown {
  const withTimes = keepTimesOfUnchangedDays(value, current, section);
  return section === "business_person_list" ? restoreMaskedIdNumbers(withTimes, current) : withTimes;
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
    throw new AppError("validation_error", 400, "nothingToSave");
  }
  const given = values as Record<string, unknown>;
  const sections: Record<string, unknown> = {};
  for (const section of STEP_SECTIONS[step]) sections[section] = sectionFromStepForm(given[section], customer, section);
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
