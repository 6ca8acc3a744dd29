import "server-only";
import crypto from "node:crypto";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

import {
  isSecurityEventKind,
  SECURITY_ACTIONS,
  type AuditAction,
  type AuditActor,
  type AuditEntry,
  type AuditEvent,
} from "./audit-event-types";

export * from "./audit-event-types";

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
    customerId: entry.customerId ?? null,
    partnerId: entry.partnerId ?? null,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    subject: entry.subject ?? null,
    // Only when given, so that rows of other events keep the keys they were written with (the
    // column defaults to an empty list).
    ...(entry.fields ? { fields: [...entry.fields] } : {}),
  };
}

/** Appends an event on its own (a view, a reveal or a sign-in, which change nothing else). */
export async function recordAuditEvent(entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: auditEventRow(entry) });
}

/** A customer's events, oldest first: the timeline of the detail page. Nothing here edits or deletes one. */
export async function customerAuditTrail(customerId: string): Promise<AuditEvent[]> {
  const rows = await db.auditEvent.findMany({ where: { customerId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.map(toAuditEvent);
}

/** A stored row: what was written by auditEventRow, read back with plain strings. */
type AuditEventRow = Omit<ReturnType<typeof auditEventRow>, "actorType" | "action" | "fields"> & {
  actorType: string;
  action: string;
  fields: string[] | null;
};

function toAuditEvent(row: AuditEventRow): AuditEvent {
  const type = row.actorType === "api_key" || row.actorType === "system" ? row.actorType : "user";
  return {
    id: row.id,
    at: row.at,
    actor: { type, id: row.actorId, label: row.actorLabel },
    action: row.action as AuditAction,
    customerId: row.customerId,
    partnerId: row.partnerId,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    reason: row.reason,
    subject: row.subject,
    fields: row.fields ?? [],
  };
}

/** How partner staff see the people of AxisFI's compliance team in a timeline. */
export const COMPLIANCE_LABEL = "AxisFI compliance";

/**
 * A customer's timeline as `viewer` may see it. Partner staff see every decision and its reason,
 * but not who at AxisFI made it: any person who is not on their own partner's staff is shown as
 * "AxisFI compliance". Their own colleagues and their API keys keep their labels.
 */
export async function timelineFor(viewer: Actor, events: readonly AuditEvent[]): Promise<AuditEvent[]> {
  if (can(viewer, "audit:see-staff-names")) return [...events];
  const personIds = [...new Set(events.filter((event) => event.actor.type === "user").map((event) => event.actor.id))];
  const colleagues = new Set(
    (
      await db.user.findMany({
        where: { id: { in: personIds }, partnerId: viewer.partnerId ?? "-" },
        select: { id: true },
      })
    ).map((user) => user.id),
  );
  return events.map((event) =>
    event.actor.type === "user" && !colleagues.has(event.actor.id)
      ? { ...event, actor: { type: "user", id: "compliance", label: COMPLIANCE_LABEL } }
      : event,
  );
}

export const SECURITY_EVENTS_PAGE = 50;

export interface SecurityEventPage {
  events: AuditEvent[];
  /** The id to pass as `before` for the next (older) page; null on the last page. */
  olderThan: string | null;
}

/**
 * Security events for administrators, newest first, optionally of one kind, a page at a time.
 * Ids sort in the order events were written, so "older than this id" pages without offsets.
 */
export async function listSecurityEvents(
  actor: Actor,
  filters: { kind?: unknown; before?: unknown } = {},
): Promise<SecurityEventPage> {
  if (!can(actor, "admin:manage")) throw new AppError("forbidden", 403, "onlyAdminsSeeSecurityEvents");
  const actions: readonly string[] = isSecurityEventKind(filters.kind)
    ? SECURITY_ACTIONS.filter((action) => action.startsWith(`${filters.kind as string}.`))
    : SECURITY_ACTIONS;
  const before =
    typeof filters.before === "string" && /^evt_[0-9a-f]{32}$/.test(filters.before) ? filters.before : null;
  const rows = await db.auditEvent.findMany({
    where: { action: { in: [...actions] }, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: SECURITY_EVENTS_PAGE + 1,
  });
  const page = rows.slice(0, SECURITY_EVENTS_PAGE);
  return {
    events: page.map(toAuditEvent),
    olderThan: rows.length > SECURITY_EVENTS_PAGE ? page[page.length - 1].id : null,
  };
}
