import "server-only";
import { db } from "@/lib/db";
import crypto from "node:crypto";

/** Who did something: a person, or a partner's API key. */
export interface AuditActor {
  type: "user" | "api_key";
  id: string;
  /** As people read it, kept as it was then: "Robin Reviewer <reviewer@axisfi.example>", or the key's public id. */
  label: string;
}

export type AuditAction =
  | "customer.created"
  | "customer.approved"
  | "customer.rejected"
  | "customer.suspended"
  | "customer.reactivated"
  | "document.viewed"
  | "identity.revealed";

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  customerId: string;
  partnerId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  /** What the event was about inside the customer (a file id, a person's position); never personal data. */
  subject?: string | null;
}

export interface AuditEvent extends Omit<AuditEntry, "customerId" | "partnerId"> {
  id: string;
  at: Date;
  /** Null for events about access itself (sign-ins, keys, accounts), which concern no customer. */
  customerId: string | null;
  partnerId: string | null;
}

export function userAuditActor(user: { userId: string; name?: string; email?: string }): AuditActor {
  return { type: "user", id: user.userId, label: user.name ? `${user.name} <${user.email}>` : user.userId };
}

let lastMillis = 0;
let sequence = 0;

/**
 * Event ids sort in the order events were written, even within one millisecond: the time, a
 * counter, then randomness (`evt_` and 32 hex characters, like every other id).
 */
function newEventId(at: Date): string {
  const millis = at.getTime();
  sequence = millis === lastMillis ? sequence + 1 : 0;
  lastMillis = millis;
  const time = millis.toString(16).padStart(12, "0");
  const counter = (sequence & 0xffff).toString(16).padStart(4, "0");
  return `evt_${time}${counter}${crypto.randomBytes(8).toString("hex")}`;
}

/** The row of an event, for writing in the same transaction as the change it records. */
export function auditEventRow(entry: AuditEntry, at = new Date()) {
  return {
    id: newEventId(at),
    at,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    customerId: entry.customerId,
    partnerId: entry.partnerId,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    subject: entry.subject ?? null,
  };
}

/** Appends an event on its own (a view or a reveal, which change nothing else). */
export async function recordAuditEvent(entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: auditEventRow(entry) });
}

/** A customer's events, oldest first: the timeline of the detail page. Nothing here edits or deletes one. */
export async function customerAuditTrail(customerId: string): Promise<AuditEvent[]> {
  const rows = await db.auditEvent.findMany({ where: { customerId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: { type: row.actorType === "api_key" ? "api_key" : "user", id: row.actorId, label: row.actorLabel },
    action: row.action as AuditAction,
    customerId: row.customerId,
    partnerId: row.partnerId,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    reason: row.reason,
    subject: row.subject,
  }));
}
