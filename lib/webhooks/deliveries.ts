import "server-only";
import { auditEventRow, type AuditActor } from "@/lib/audit/audit-events";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasIdShape, newId } from "@/lib/ids";
import { DELIVERY_CHANNEL } from "./delivery-worker";
import type { DeliveryView, EndpointSummary } from "./delivery-view";
import { endpointAuditSubject } from "./endpoints";
import { TEST_EVENT_TYPE } from "./test-event";

/**
 * What the portal shows and does about deliveries (/settings/webhooks): a partner's endpoints with
 * their state, each endpoint's recent deliveries and their attempts, resending a delivery and
 * sending a test event. Every function is scoped to the partner it is given.
 */

export const RECENT_DELIVERIES = 20;
const ATTEMPTS_SHOWN = 5;

function notFound(what: "noSuchDelivery" | "noSuchWebhookEndpoint"): AppError {
  return new AppError("not_found", 404, what);
}

/** The partner's endpoints in use, newest first. */
export async function listEndpointSummaries(partnerId: string): Promise<EndpointSummary[]> {
  return db.webhookEndpoint.findMany({
    where: { partnerId, disabledAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      url: true,
      eventTypes: true,
      createdAt: true,
      failingSince: true,
      previousSecretExpiresAt: true,
    },
  });
}

/** An endpoint's most recent deliveries, newest first, each with its latest attempts. */
export async function recentDeliveries(
  partnerId: string,
  endpointId: string,
  limit = RECENT_DELIVERIES,
): Promise<DeliveryView[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId, endpoint: { partnerId } },
    orderBy: { id: "desc" },
    take: limit,
    include: { attemptsLog: { orderBy: { id: "desc" }, take: ATTEMPTS_SHOWN } },
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status as DeliveryView["status"],
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    createdAt: row.createdAt,
    lastStatusCode: row.lastStatusCode,
    lastDurationMs: row.lastDurationMs,
    lastResponseExcerpt: row.lastResponseExcerpt,
    attemptLog: row.attemptsLog.map((attempt) => ({
      attempt: attempt.attempt,
      startedAt: attempt.startedAt,
      durationMs: attempt.durationMs,
      statusCode: attempt.statusCode,
      responseExcerpt: attempt.responseExcerpt,
    })),
  }));
}

async function notifyWorkers(): Promise<void> {
  await db.$executeRawUnsafe(`SELECT pg_notify('${DELIVERY_CHANNEL}', '')`);
}

/**
 * Sends a delivery again now: a delivered or failed one becomes pending with a fresh 3-day retry
 * window; a pending one waiting for its next retry is retried at once; one being sent right now is
 * refused (409 conflict), so its outcome does not overwrite the resend. Its attempts
 * continue to be counted and logged. The receiver gets the same event id again.
 */
export async function resendDelivery(partnerId: string, deliveryId: string): Promise<void> {
  if (!/^\d{1,18}$/.test(deliveryId)) throw notFound("noSuchDelivery");
  const updated = await db.$executeRaw`
    UPDATE "WebhookDelivery" d
    SET "status" = 'pending', "nextAttemptAt" = clock_timestamp(),
        "firstAttemptAt" = CASE WHEN d."status" = 'pending' THEN d."firstAttemptAt" END
    FROM "WebhookEndpoint" e
    WHERE d."id" = ${BigInt(deliveryId)} AND e."id" = d."endpointId" AND e."partnerId" = ${partnerId}
      AND e."disabledAt" IS NULL AND (d."leaseExpiresAt" IS NULL OR d."leaseExpiresAt" <= clock_timestamp())`;
  if (updated === 0) {
    const exists = await db.webhookDelivery.count({
      where: { id: BigInt(deliveryId), endpoint: { partnerId, disabledAt: null } },
    });
    if (exists === 0) throw notFound("noSuchDelivery");
    throw new AppError("conflict", 409, "deliveryInProgress");
  }
  await notifyWorkers();
}

/**
 * Sends a test event (type endpoint.test, `"data": {}`) to this endpoint only, once. Its id is a
 * fresh evt_ id that is not stored as an Event. The delivery and its audit event are written
 * together. Returns that id.
 */
export async function sendTestEvent(partnerId: string, endpointId: string, by: AuditActor): Promise<string> {
  if (!hasIdShape("we", endpointId)) throw notFound("noSuchWebhookEndpoint");
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, partnerId, disabledAt: null },
    select: { id: true, url: true },
  });
  if (!endpoint) throw notFound("noSuchWebhookEndpoint");
  const eventId = newId("evt");
  await db.$transaction([
    db.webhookDelivery.create({ data: { endpointId, eventId, eventType: TEST_EVENT_TYPE } }),
    db.auditEvent.create({
      data: auditEventRow({
        actor: by,
        action: "webhook_endpoint.test_sent",
        partnerId,
        subject: endpointAuditSubject(endpoint),
      }),
    }),
  ]);
  await notifyWorkers();
  return eventId;
}

/** How long delivered and failed deliveries (and their attempts) stay in the log. */
export const DELIVERY_LOG_DAYS = 30;

/**
 * Forgets deliveries finished (delivered or failed) more than DELIVERY_LOG_DAYS ago, with their
 * attempts; pending ones stay whatever their age. Run by the hourly housekeeping.
 */
export async function purgeOldDeliveries(): Promise<number> {
  const [{ purged }] = await db.$queryRaw<{ purged: number }[]>`
    WITH old AS (
      SELECT "id" FROM "WebhookDelivery"
      WHERE "status" <> 'pending' AND "createdAt" < clock_timestamp() - make_interval(days => ${DELIVERY_LOG_DAYS}::int)
      LIMIT 10000
    ), attempts AS (
      DELETE FROM "WebhookDeliveryAttempt" WHERE "deliveryId" IN (SELECT "id" FROM old)
    ), deliveries AS (
      DELETE FROM "WebhookDelivery" WHERE "id" IN (SELECT "id" FROM old) RETURNING 1
    )
    SELECT count(*)::int AS purged FROM deliveries`;
  return purged;
}
