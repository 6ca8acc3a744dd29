import "server-only";
import crypto from "node:crypto";
import { openStored } from "@/lib/crypto/personal-data";
import { toApiTimestamp } from "@/lib/customers/fields";
import { subscribe } from "@/lib/database/notifications";
import { rawQuery } from "@/lib/db";
import { env } from "@/lib/env";
import { describeError, logEvent } from "@/lib/log";
import { nextAttemptAt, type RetrySchedule } from "./retry-schedule";
import { postWebhook, REQUEST_TIMEOUT_MS, type SendResult } from "./send";
import { signPayload } from "./signature";
import { TEST_EVENT_TYPE } from "./test-event";

/**
 * The delivery worker: every app process runs one. Deliveries are rows of "WebhookDelivery",
 * written with their event (the trigger of migration 0007) and claimed here with a lease:
 *
 * - a claim is one statement, `FOR UPDATE SKIP LOCKED`, so processes claiming at once never take
 *   the same row, and it sets a lease (WEBHOOK_LEASE_MS) and a token: a process that dies
 *   mid-delivery loses nothing, the lease expires and another process (or it, restarted) retries.
 *   Delivery is therefore at least once: a receiver that answered but whose answer was not
 *   recorded gets the event again, with the same id.
 * - only the earliest undelivered delivery of each (endpoint, customer) is claimable, and only
 *   once it is due: a customer's events reach an endpoint in the order they were written, one at a
 *   time (a later one waits while an earlier one is retried, until that one gives up).
 * - the outcome is recorded in one statement that checks the token (a claim whose lease ran out
 *   and was taken over records nothing), logs the attempt, and marks the endpoint failing (a
 *   delivery gave up) or not failing (a delivery succeeded).
 *
 * It wakes on NOTIFY webhook_delivery (sent by the trigger at COMMIT) and polls every second in
 * case a notification was missed (a reconnect, a retry coming due).
 */

export const DELIVERY_CHANNEL = "webhook_delivery";
const POLL_MS = 1000;

export interface DeliveryWorkerOptions {
  /** Deliveries in flight at once in this process. */
  concurrency: number;
  /**
   * The most of them one partner's endpoints may hold: all but 8 by default, kept for the others,
   * so a partner whose endpoints hang for the whole 10 s timeout (or stream endlessly) slows its
   * own deliveries, never everyone's, while a partner alone still gets most of the slots.
   */
  partnerConcurrency: number;
  schedule: RetrySchedule;
  leaseMs: number;
  allowPrivate: boolean;
  pollMs: number;
}

/** Time kept between the end of a send and the end of its lease, to record the outcome. */
const LEASE_MARGIN_MS = 500;

function defaultOptions(): DeliveryWorkerOptions {
  return {
    concurrency: 32,
    partnerConcurrency: 24,
    schedule: { delaysMs: env.WEBHOOK_RETRY_DELAYS_MS, retryForMs: env.WEBHOOK_RETRY_FOR_MS },
    leaseMs: env.WEBHOOK_LEASE_MS,
    allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE,
    pollMs: POLL_MS,
  };
}

interface ClaimedRow {
  id: string;
  partnerId: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  attempts: number;
  firstAttemptAt: Date;
  createdAt: Date;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  disabledAt: Date | null;
  eventData: string | null;
  eventCreatedAt: Date | null;
}

// The earliest undelivered delivery of its (endpoint, customer), due, not held by a live lease, and
// no more per partner than the room it has left in this process ($4 partner ids with $5 slots left;
// $6 for a partner with none in flight). Up to twice the batch is locked as candidates (SKIP
// LOCKED: rows another process is claiming right now are left to it, and the re-check PostgreSQL
// makes before locking a row sees a lease that process has committed meanwhile), ranked per
// partner, and the batch taken from them; the candidates not taken are unlocked as the statement ends.
// Measured with bench/webhook-delivery.ts (one partner, 3,000-event backlog, events/s with 1 / 2
// processes): no share 1,078 / 1,427; a share of 16 with the ranking before the lock 815 / 790
// (two processes fought over the same unlocked candidates); locking the candidates and a share of
// 24: 959–1,042 / 1,096–1,162 (run-to-run noise about 10 %).
const CLAIM_SQL = `
WITH room AS (
  SELECT * FROM unnest($4::text[], $5::int[]) AS r("partnerId", "slots")
), candidate AS (
  SELECT d."id", d."nextAttemptAt", e."partnerId" FROM "WebhookDelivery" d
  JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
  WHERE d."status" = 'pending' AND d."nextAttemptAt" <= now()
    AND (d."leaseExpiresAt" IS NULL OR d."leaseExpiresAt" <= now())
    AND NOT EXISTS (
      SELECT 1 FROM "WebhookDelivery" earlier
      WHERE earlier."endpointId" = d."endpointId" AND earlier."customerId" = d."customerId"
        AND earlier."status" = 'pending' AND earlier."id" < d."id")
    AND e."partnerId" NOT IN (SELECT "partnerId" FROM room WHERE "slots" <= 0)
  ORDER BY d."nextAttemptAt", d."id"
  LIMIT $1 * 2
  FOR UPDATE OF d SKIP LOCKED
), ranked AS (
  SELECT c."id", c."nextAttemptAt", coalesce(room."slots", $6) AS "slots",
    row_number() OVER (PARTITION BY c."partnerId" ORDER BY c."nextAttemptAt", c."id") AS "place"
  FROM candidate c LEFT JOIN room ON room."partnerId" = c."partnerId"
), due AS (
  SELECT d."id", d."endpointId", d."eventId" FROM "WebhookDelivery" d
  JOIN ranked ON ranked."id" = d."id" AND ranked."place" <= ranked."slots"
  ORDER BY ranked."nextAttemptAt", ranked."id"
  LIMIT $1
)
UPDATE "WebhookDelivery" d
SET "leaseExpiresAt" = clock_timestamp() + make_interval(secs => $2::double precision / 1000),
    "leaseToken" = $3, "attempts" = d."attempts" + 1,
    "firstAttemptAt" = coalesce(d."firstAttemptAt", clock_timestamp()), "lastAttemptAt" = clock_timestamp()
FROM due JOIN "WebhookEndpoint" e ON e."id" = due."endpointId" LEFT JOIN "Event" ev ON ev."id" = due."eventId"
WHERE d."id" = due."id"
RETURNING d."id", e."partnerId", d."eventId", d."eventType", d."endpointId", d."attempts", d."firstAttemptAt",
  d."createdAt", e."url", e."secret", e."previousSecret", e."previousSecretExpiresAt", e."disabledAt",
  ev."data" AS "eventData", ev."createdAt" AS "eventCreatedAt"`;

// The outcome, the attempt's log line and the endpoint's failing mark, if the lease is still ours.
// $6: 'delivered' | 'pending' (retry at $7) | 'failed'; $8: whether a failure marks the endpoint.
const RECORD_SQL = `
WITH done AS (
  UPDATE "WebhookDelivery"
  SET "status" = $6, "nextAttemptAt" = coalesce($7, "nextAttemptAt"), "leaseExpiresAt" = NULL, "leaseToken" = NULL,
      "lastStatusCode" = $3, "lastDurationMs" = $4, "lastResponseExcerpt" = $5,
      "deliveredAt" = CASE WHEN $6 = 'delivered' THEN clock_timestamp() END
  WHERE "id" = $1 AND "leaseToken" = $2
  RETURNING "id", "endpointId", "attempts", "lastAttemptAt"
), logged AS (
  INSERT INTO "WebhookDeliveryAttempt" ("deliveryId", "attempt", "startedAt", "durationMs", "statusCode", "responseExcerpt")
  SELECT "id", "attempts", "lastAttemptAt", $4, $3, $5 FROM done
), marked AS (
  UPDATE "WebhookEndpoint" e
  SET "failingSince" = CASE WHEN $6 = 'delivered' THEN NULL ELSE coalesce(e."failingSince", clock_timestamp()) END
  FROM done
  WHERE e."id" = done."endpointId"
    AND (($6 = 'delivered' AND e."failingSince" IS NOT NULL) OR ($6 = 'failed' AND $8::boolean AND e."failingSince" IS NULL))
)
SELECT count(*)::int AS recorded FROM done`;

/** The body as the receiver gets it: the event resource of GET /api/events, byte for byte. */
function eventBody(row: ClaimedRow): string {
  const isTest = row.eventType === TEST_EVENT_TYPE;
  const createdAt = isTest ? row.createdAt : row.eventCreatedAt;
  // No event row (none is ever deleted, but the join is an outer one): an empty object, as a test event has.
  const data = isTest || row.eventData === null ? "{}" : openStored(row.eventData, "event", row.eventId);
  return `{"id":${JSON.stringify(row.eventId)},"type":${JSON.stringify(row.eventType)},"created_at":${JSON.stringify(
    toApiTimestamp(createdAt ?? row.createdAt),
  )},"data":${data}}`;
}

/** The AxisFI-Signature header: one v1 per secret in use (two during a rotation's 24 hours). */
export function signatureHeader(secrets: readonly string[], rawBody: string, nowSeconds: number): string {
  const [first, ...others] = secrets;
  const header = signPayload(first, nowSeconds, rawBody);
  return [header, ...others.map((secret) => signPayload(secret, nowSeconds, rawBody).split(",")[1])].join(",");
}

function secretsOf(row: ClaimedRow, now: Date): string[] {
  const secrets = [openStored(row.secret, "webhook_secret", row.endpointId)];
  if (row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now) {
    secrets.push(openStored(row.previousSecret, "webhook_secret", row.endpointId));
  }
  return secrets;
}

export interface DeliveryWorker {
  /** Looks for due deliveries now (also done on NOTIFY and every second). */
  wake(): void;
  /** Claims nothing more and waits for the deliveries in flight to be recorded. */
  stop(): Promise<void>;
}

export function startDeliveryWorker(overrides: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
  const options = { ...defaultOptions(), ...overrides };
  let inFlight = 0;
  /** Deliveries in flight in this process, per partner. */
  const inFlightByPartner = new Map<string, number>();
  let pumping = false;
  let again = false;
  let stopped = false;
  const idle = new Set<() => void>();

  const claim = (limit: number, token: string) => {
    const busy = [...inFlightByPartner];
    return rawQuery<ClaimedRow>("webhook_claim", CLAIM_SQL, [
      limit,
      options.leaseMs,
      token,
      busy.map(([partnerId]) => partnerId),
      busy.map(([, count]) => options.partnerConcurrency - count),
      options.partnerConcurrency,
    ]);
  };

  async function record(row: ClaimedRow, token: string, result: SendResult): Promise<void> {
    const now = new Date();
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const isTest = row.eventType === TEST_EVENT_TYPE;
    // A test event is tried once: the portal shows its answer at once.
    const retryAt = ok || isTest ? null : nextAttemptAt(options.schedule, row.attempts, row.firstAttemptAt, now);
    const status = ok ? "delivered" : retryAt ? "pending" : "failed";
    const [{ recorded }] = await rawQuery<{ recorded: number }>("webhook_record", RECORD_SQL, [
      row.id,
      token,
      result.statusCode,
      result.durationMs,
      result.excerpt,
      status,
      retryAt,
      !isTest,
    ]);
    const fields = {
      delivery_id: row.id,
      event_id: row.eventId,
      endpoint_id: row.endpointId,
      attempt: row.attempts,
      status_code: result.statusCode,
      duration_ms: result.durationMs,
    };
    if (recorded === 0) logEvent("warn", "webhook_lease_lost", fields);
    else if (status === "failed" && !isTest) logEvent("warn", "webhook_delivery_failed", fields);
    else if (status === "pending") {
      logEvent("info", "webhook_attempt_failed", { ...fields, next_attempt_at: retryAt?.toISOString() });
    } else if (env.LOG_REQUESTS) logEvent("info", "webhook_delivered", fields);
  }

  async function deliver(row: ClaimedRow, token: string): Promise<void> {
    if (row.disabledAt) {
      // Deleted since the event: not sent, not retried, and the endpoint not marked failing.
      const excerpt = "Not sent: the endpoint was deleted.";
      await rawQuery("webhook_record", RECORD_SQL, [row.id, token, null, 0, excerpt, "failed", null, false]);
      return;
    }
    const body = eventBody(row);
    const now = new Date();
    const signature = signatureHeader(secretsOf(row, now), body, Math.floor(now.getTime() / 1000));
    const result = await postWebhook(
      row.url,
      body,
      {
        "Content-Type": "application/json",
        "User-Agent": "AxisFI-Webhooks/1.0",
        "AxisFI-Signature": signature,
        "AxisFI-Event-Id": row.eventId,
        "AxisFI-Delivery-Attempt": String(row.attempts),
      },
      // Never longer than the lease: past it another process may claim and send the same attempt.
      {
        allowPrivate: options.allowPrivate,
        timeoutMs: Math.min(REQUEST_TIMEOUT_MS, options.leaseMs - LEASE_MARGIN_MS),
      },
    );
    await record(row, token, result);
  }

  async function pump(): Promise<void> {
    pumping = true;
    try {
      do {
        again = false;
        const room = options.concurrency - inFlight;
        if (room <= 0 || stopped) break;
        const token = crypto.randomBytes(12).toString("hex");
        const claimed = await claim(room, token);
        for (const row of claimed) {
          inFlight += 1;
          inFlightByPartner.set(row.partnerId, (inFlightByPartner.get(row.partnerId) ?? 0) + 1);
          void deliver(row, token)
            .catch((error: unknown) =>
              logEvent("error", "webhook_delivery_error", { delivery_id: row.id, ...describeError(error) }),
            )
            .finally(() => {
              inFlight -= 1;
              const left = (inFlightByPartner.get(row.partnerId) ?? 1) - 1;
              if (left > 0) inFlightByPartner.set(row.partnerId, left);
              else inFlightByPartner.delete(row.partnerId);
              if (inFlight === 0) for (const resolve of idle) resolve();
              wake();
            });
        }
        // A full batch: there may be more.
        if (claimed.length === room) again = true;
      } while (again && !stopped);
    } catch (error) {
      // The database is away or restarting: the next poll tries again.
      logEvent("warn", "webhook_claim_failed", describeError(error));
    } finally {
      pumping = false;
    }
  }

  let pumped: Promise<void> = Promise.resolve();

  function wake(): void {
    if (stopped) return;
    if (pumping) {
      again = true;
      return;
    }
    pumped = pump();
  }

  const poll = setInterval(wake, options.pollMs);
  poll.unref();
  // Woken at every commit that makes a delivery due, and when listening (re)starts: what came due
  // meanwhile is looked for at once rather than at the next poll.
  const unsubscribe = subscribe(DELIVERY_CHANNEL, { notified: wake, listening: (live) => live && wake() });
  wake();

  return {
    wake,
    stop: async () => {
      stopped = true;
      clearInterval(poll);
      unsubscribe();
      // A claim under way when stop was called still hands its deliveries over to be sent.
      await pumped;
      if (inFlight > 0) await new Promise<void>((resolve) => idle.add(resolve));
    },
  };
}
