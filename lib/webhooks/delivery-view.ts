/** What the portal shows of endpoints and deliveries (lib/webhooks/deliveries.ts). Browser-safe: types only. */

export interface EndpointSummary {
  id: string;
  url: string;
  eventTypes: string[];
  createdAt: Date;
  /** Set when a delivery gave up after retrying for 3 days; cleared by the next success. */
  failingSince: Date | null;
  /** Until when the secret before the last rotation still signs. */
  previousSecretExpiresAt: Date | null;
}

export interface DeliveryAttemptView {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastResponseExcerpt: string | null;
  attemptLog: DeliveryAttemptView[];
}
