/**
 * The event types partners are told about (browser-safe: the OpenAPI document reads them).
 * customer.information_requested and customer.updated are to come.
 */
export const EVENT_TYPES = ["customer.created", "customer.status_changed"] as const;

export type EventType = (typeof EVENT_TYPES)[number];
