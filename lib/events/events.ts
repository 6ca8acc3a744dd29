import "server-only";
import { seal } from "@/lib/crypto/personal-data";
import { newId } from "@/lib/ids";
import type { CustomerStatus } from "@/lib/customers/schema";
import { EVENT_TYPES, type EventType } from "./event-types";

export { EVENT_TYPES, type EventType };

/** An Event row as it is written: its data already sealed (it holds ID numbers). */
export interface EventRow {
  id: string;
  partnerId: string;
  customerId: string;
  type: EventType;
  createdAt: Date;
  data: string;
}

/**
 * The row of an event about a customer. `customerJson` is the customer resource exactly as the
 * API answers with it (customerResourceJson), so the event holds what GET /api/customers/{id}
 * answered at that moment; `extra` is what else the event type carries. The data is sealed,
 * bound to the event's id.
 */
export function eventRow(
  event: { type: EventType; partnerId: string; customerId: string; createdAt: Date },
  customerJson: string,
  extra: Record<string, unknown> = {},
): EventRow {
  const id = newId("evt");
  const rest = JSON.stringify(extra).slice(1, -1);
  const data = `{"customer":${customerJson}${rest ? `,${rest}` : ""}}`;
  return { id, ...event, data: seal(data, "event", id) };
}

/** What a customer.status_changed event tells besides the customer (the reviewer's reason is internal). */
export function statusChange(from: CustomerStatus, to: CustomerStatus): { from_status: string; to_status: string } {
  return { from_status: from, to_status: to };
}
