import "server-only";
import { auditEventRow, userAuditActor, type AuditAction } from "@/lib/audit/audit-events";
import { can, canAccessPartnerRecord, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { eventRow, statusChange } from "@/lib/events/events";
import { customerResourceJson, storedCustomerInclude, toCustomerResource } from "./customer-resource";
import type { CustomerStatus } from "./schema";

/**
 * The review decisions and the only transitions they make. Codes only: the reviewer's buttons name
 * them in the reader's language (the `backOffice` catalog's `decisions`).
 */
export const DECISIONS = {
  approve: { from: "pending", to: "active", action: "customer.approved" },
  reject: { from: "pending", to: "rejected", action: "customer.rejected" },
  suspend: { from: "active", to: "suspended", action: "customer.suspended" },
  reactivate: { from: "suspended", to: "active", action: "customer.reactivated" },
} as const satisfies Record<string, { from: CustomerStatus; to: CustomerStatus; action: AuditAction }>;

export type Decision = keyof typeof DECISIONS;

export const REASON_MIN = 3;
export const REASON_MAX = 1000;

export function isDecision(value: string): value is Decision {
  return Object.hasOwn(DECISIONS, value);
}

/** The decisions open for a customer in `status`. */
export function decisionsFor(status: string): Decision[] {
  return (Object.keys(DECISIONS) as Decision[]).filter((decision) => DECISIONS[decision].from === status);
}

/** As it arrives from a server action: the browser may send anything, so every field is checked. */
export interface DecisionInput {
  customerId: unknown;
  decision: unknown;
  reason: unknown;
  /** The version the reviewer saw; if the customer changed since, the decision is refused. */
  expectedVersion: unknown;
}

/**
 * A reviewer's decision on a customer, with a reason. Only the transitions in DECISIONS are
 * allowed, and only from the version the reviewer saw (optimistic concurrency): of two reviewers
 * acting at once, the second is told the customer changed. The status change, its audit event and
 * the partner's customer.status_changed event are written in one transaction. The event carries
 * the customer as the API shows it after the change, and the from and to status, but not the
 * reason: that is the reviewer's, kept in the audit trail, and the partner API shows it nowhere.
 */
export async function decideCustomer(
  actor: Actor & { name?: string; email?: string },
  input: DecisionInput,
): Promise<{ status: CustomerStatus; version: number }> {
  if (!can(actor, "customers:decide")) throw new AppError("forbidden", 403, "onlyReviewersDecide");
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (reason.length < REASON_MIN || reason.length > REASON_MAX) {
    throw new AppError("validation_error", 400, "giveDecisionReason", [
      {
        field: "reason",
        code: "required",
        message: { key: "reasonLength", values: { min: REASON_MIN, max: REASON_MAX } },
      },
    ]);
  }
  if (typeof input.decision !== "string" || !isDecision(input.decision)) {
    throw new AppError("invalid_transition", 422, "unknownDecision");
  }
  const { customerId, expectedVersion } = input;
  if (typeof customerId !== "string" || !Number.isSafeInteger(expectedVersion)) {
    throw new AppError("validation_error", 400, "decisionWithoutVersion");
  }
  const decision = input.decision;
  const transition = DECISIONS[decision];

  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { id: customerId },
      select: { partnerId: true, status: true, version: true },
    });
    if (!customer || !canAccessPartnerRecord(actor, customer.partnerId)) {
      throw new AppError("not_found", 404, "noSuchCustomer");
    }
    if (customer.version !== expectedVersion) {
      throw new AppError("conflict", 409, { key: "changedWhileDeciding", values: { status: customer.status } });
    }
    if (customer.status !== transition.from) {
      // The catalog says, for each status, which decisions remain (decisionsFor): a test keeps the two alike.
      throw new AppError("invalid_transition", 422, {
        key: "decisionNotPossible",
        values: { decision, status: customer.status },
      });
    }
    // The version in the WHERE clause makes the check and the change one step, even across processes.
    const { count } = await tx.customer.updateMany({
      where: { id: customerId, version: expectedVersion as number, status: transition.from },
      data: { status: transition.to, version: { increment: 1 } },
    });
    if (count !== 1) {
      throw new AppError("conflict", 409, "changedWhileDecidingNoStatus");
    }
    await tx.auditEvent.create({
      data: auditEventRow({
        actor: userAuditActor(actor),
        action: transition.action,
        customerId,
        partnerId: customer.partnerId,
        fromStatus: transition.from,
        toStatus: transition.to,
        reason,
      }),
    });
    // Read back inside the transaction: the customer as GET /api/customers/{id} now answers.
    const changed = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, include: storedCustomerInclude });
    await tx.event.create({
      data: eventRow(
        { type: "customer.status_changed", partnerId: customer.partnerId, customerId, createdAt: new Date() },
        customerResourceJson(toCustomerResource(changed)),
        statusChange(transition.from, transition.to),
      ),
    });
    return { status: transition.to, version: (expectedVersion as number) + 1 };
  });
}
