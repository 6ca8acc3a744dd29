import "server-only";
import { auditEventRow, userAuditActor } from "@/lib/audit/audit-events";
import { can, canAccessPartnerRecord, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, fieldErrorsFromZod, validationError } from "@/lib/errors";
import { eventRow } from "@/lib/events/events";
import { newId } from "@/lib/ids";
import { customerResourceJson, storedCustomerInclude, toCustomerResource } from "./customer-resource";
import { fieldLabel, requestableFieldPaths, type FieldLabels } from "./fields";
import { requestInformationSchema } from "./update-schema";

/** As it arrives from a server action: the browser may send anything, so every field is checked. */
export interface RequestInformationInput {
  customerId: unknown;
  /** `[{ field, reason }]`: the API path of each field or document to fix, with the reviewer's note. */
  items: unknown;
  /** The version the reviewer saw; if the customer changed since, the request is refused. */
  expectedVersion: unknown;
}

export function customerNotPending(status: string): AppError {
  return new AppError("customer_not_pending", 409, { key: "customerNotPending", values: { status } });
}

/**
 * A reviewer asks the partner to fix fields or documents of a pending customer, each with a note,
 * instead of rejecting it. The status stays pending. Like a decision (decisions.ts), it applies
 * only to the version the reviewer saw, and writes in one transaction: the requirement rows (a
 * field already due gets the new note), the version bump, the audit event (the fields, and the
 * notes one per line as its reason) and the partner's customer.information_requested event,
 * which carries the customer with its `requirements`.
 */
export async function requestInformation(
  actor: Actor & { name?: string; email?: string },
  input: RequestInformationInput,
): Promise<{ version: number }> {
  if (!can(actor, "customers:request-information"))
    throw new AppError("forbidden", 403, "onlyReviewersRequestInformation");
  const parsed = requestInformationSchema.safeParse({ items: input.items });
  if (!parsed.success) {
    throw validationError(fieldErrorsFromZod(parsed.error), "chooseFieldsToFix");
  }
  const { items } = parsed.data;
  const { customerId, expectedVersion } = input;
  if (typeof customerId !== "string" || !Number.isSafeInteger(expectedVersion)) {
    throw new AppError("validation_error", 400, "requestWithoutVersion");
  }

  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { id: customerId },
      select: { partnerId: true, status: true, version: true, _count: { select: { businessPersons: true } } },
    });
    if (!customer || !canAccessPartnerRecord(actor, customer.partnerId)) {
      throw new AppError("not_found", 404, "noSuchCustomer");
    }
    if (customer.version !== expectedVersion) {
      throw new AppError("conflict", 409, { key: "changedWhileReviewing", values: { status: customer.status } });
    }
    if (customer.status !== "pending") throw customerNotPending(customer.status);
    const known = new Set(requestableFieldPaths(customer._count.businessPersons));
    const unknown = items.flatMap((item, index) =>
      known.has(item.field)
        ? []
        : [{ field: `items.${index}.field`, code: "invalid_field", message: { key: "noSuchField" } } as const],
    );
    if (unknown.length > 0) throw validationError(unknown, "chooseFieldsOfCustomer");

    const { count } = await tx.customer.updateMany({
      where: { id: customerId, version: expectedVersion as number, status: "pending" },
      data: { version: { increment: 1 } },
    });
    if (count !== 1) {
      throw new AppError("conflict", 409, "changedWhileReviewingNoStatus");
    }
    const now = new Date();
    const due = await tx.customerRequirement.findMany({
      where: { customerId, clearedAt: null, field: { in: items.map((item) => item.field) } },
      select: { id: true, field: true },
    });
    const dueByField = new Map(due.map((requirement) => [requirement.field, requirement.id]));
    for (const item of items) {
      const id = dueByField.get(item.field);
      if (id) {
        await tx.customerRequirement.update({
          where: { id },
          data: { reason: item.reason, requestedAt: now, requestedById: actor.userId },
        });
      }
    }
    await tx.customerRequirement.createMany({
      data: items
        .filter((item) => !dueByField.has(item.field))
        .map((item) => ({
          id: newId("req"),
          customerId,
          field: item.field,
          reason: item.reason,
          requestedAt: now,
          requestedById: actor.userId,
        })),
    });
    await tx.auditEvent.create({
      data: auditEventRow(
        {
          actor: userAuditActor(actor),
          action: "customer.information_requested",
          customerId,
          partnerId: customer.partnerId,
          fields: items.map((item) => item.field),
          reason: items.map((item) => item.reason).join("\n"),
        },
        now,
      ),
    });
    const changed = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, include: storedCustomerInclude });
    await tx.event.create({
      data: eventRow(
        { type: "customer.information_requested", partnerId: customer.partnerId, customerId, createdAt: now },
        customerResourceJson(toCustomerResource(changed)),
      ),
    });
    return { version: (expectedVersion as number) + 1 };
  });
}

/** A requirement as the customer page shows it: due or cleared, with the field's label. */
export interface RequirementView {
  field: string;
  label: string;
  reason: string;
  requestedAt: Date;
  clearedAt: Date | null;
}

/** Every requirement of a customer, due and cleared, oldest request first. */
export async function customerRequirements(customerId: string, labels: FieldLabels): Promise<RequirementView[]> {
  const rows = await db.customerRequirement.findMany({
    where: { customerId },
    orderBy: [{ requestedAt: "asc" }, { field: "asc" }],
  });
  return rows.map((row) => ({
    field: row.field,
    label: fieldLabel(row.field, labels),
    reason: row.reason,
    requestedAt: row.requestedAt,
    clearedAt: row.clearedAt,
  }));
}
