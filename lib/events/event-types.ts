/**
 * The event types partners are told about (browser-safe: the OpenAPI document reads them).
 * customer.information_requested: a reviewer asked for fields to be fixed (the customer's
 * `requirements` list them); customer.updated: the partner replaced sections of a pending customer.
 */
export const EVENT_TYPES = [
  "customer.created",
  "customer.status_changed",
  "customer.information_requested",
  "customer.updated",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
