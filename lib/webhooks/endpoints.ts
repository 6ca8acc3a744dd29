import "server-only";
import crypto from "node:crypto";
import { auditEventRow, type AuditActor } from "@/lib/audit/audit-events";
import { seal, unseal } from "@/lib/crypto/personal-data";
import { toApiTimestamp } from "@/lib/customers/fields";
import { IdempotencyRaceLost } from "@/lib/customers/create-customer";
import { db, isUniqueViolation, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, fieldErrorsFromZod, validationError } from "@/lib/errors";
import { hasIdShape, newId } from "@/lib/ids";
import { findStoredResponse, storedResponseRow, type IdempotencyClaim } from "@/lib/idempotency/idempotency-keys";
import {
  createWebhookEndpointSchema,
  MAX_ENDPOINTS_PER_PARTNER,
  type WebhookEndpointResource,
} from "./endpoint-schema";

/** `whsec_` and 32 random bytes, base64url. */
function newSigningSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64url")}`;
}

interface EndpointRow {
  id: string;
  url: string;
  eventTypes: string[];
  createdAt: Date;
}

function toResource(row: EndpointRow): WebhookEndpointResource {
  return {
    id: row.id,
    url: row.url,
    event_types: row.eventTypes as WebhookEndpointResource["event_types"],
    created_at: toApiTimestamp(row.createdAt),
  };
}

function notFound(): AppError {
  // The same answer for an id that never existed, was deleted, or is another partner's.
  return new AppError("not_found", 404, "noSuchWebhookEndpoint");
}

/**
 * What the audit trail says an event was about: the endpoint and its URL's host, never the rest
 * of the URL (its path or query may hold the partner's own tokens) and never a secret.
 */
export function endpointAuditSubject(endpoint: { id: string; url: string }): string {
  return `${endpoint.id} (${new URL(endpoint.url).host})`;
}

/** The audit row of a change to a partner's endpoint, written in the change's transaction. */
function endpointAuditRow(
  action: "webhook_endpoint.created" | "webhook_endpoint.secret_rotated" | "webhook_endpoint.deleted",
  partnerId: string,
  endpoint: { id: string; url: string },
  by: AuditActor,
) {
  return auditEventRow({ actor: by, action, partnerId, subject: endpointAuditSubject(endpoint) });
}

/**
 * A change whose answer holds a secret shown only once: with an Idempotency-Key, the answer is
 * stored (sealed, like every stored response) in the change's own transaction, so a retry after a
 * lost answer gets the same secret instead of making another change.
 */
async function answeredOnce<T>(
  idempotency: IdempotencyClaim | undefined,
  change: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      const answer = await change(tx);
      if (idempotency)
        await tx.idempotencyKey.create({ data: storedResponseRow(idempotency, 200, JSON.stringify(answer)) });
      return answer;
    });
  } catch (error) {
    if (idempotency && isUniqueViolation(error) && (await findStoredResponse(idempotency)))
      throw new IdempotencyRaceLost();
    throw error;
  }
}

/**
 * Registers an endpoint, with its audit event, in one transaction; the answer is the only place
 * its signing secret is ever shown. At most MAX_ENDPOINTS_PER_PARTNER in use: the partner's row is
 * locked while they are counted, so two creates at once cannot both take the last place.
 */
export async function createWebhookEndpoint(
  partnerId: string,
  input: unknown,
  by: AuditActor,
  options: { idempotency?: IdempotencyClaim } = {},
): Promise<WebhookEndpointResource & { secret: string }> {
  const parsed = createWebhookEndpointSchema({ allowLoopback: env.WEBHOOKS_ALLOW_PRIVATE }).safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const id = newId("we");
  const secret = newSigningSecret();
  return answeredOnce(options.idempotency, async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Partner" WHERE "id" = ${partnerId} FOR UPDATE`;
    const inUse = await tx.webhookEndpoint.count({ where: { partnerId, disabledAt: null } });
    if (inUse >= MAX_ENDPOINTS_PER_PARTNER) {
      throw new AppError("endpoint_limit_reached", 409, {
        key: "endpointLimit",
        values: { max: MAX_ENDPOINTS_PER_PARTNER },
      });
    }
    const row = await tx.webhookEndpoint.create({
      data: {
        id,
        partnerId,
        url: parsed.data.url,
        eventTypes: parsed.data.event_types,
        secret: seal(secret, "webhook_secret", id),
      },
    });
    await tx.auditEvent.create({
      data: endpointAuditRow("webhook_endpoint.created", partnerId, { id, url: parsed.data.url }, by),
    });
    return { ...toResource(row), secret };
  });
}

/** The partner's endpoints in use, newest first; never their secrets. */
export async function listWebhookEndpoints(
  partnerId: string,
): Promise<{ object: "list"; data: WebhookEndpointResource[] }> {
  const rows = await db.webhookEndpoint.findMany({
    where: { partnerId, disabledAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, url: true, eventTypes: true, createdAt: true },
  });
  return { object: "list", data: rows.map(toResource) };
}

/**
 * Disables the endpoint (nothing more is sent to it, it is no longer listed), with its audit event,
 * in one transaction; the row stays so the deliveries made to it keep their endpoint.
 */
export async function deleteWebhookEndpoint(
  partnerId: string,
  endpointId: string,
  by: AuditActor,
): Promise<{ id: string; deleted: true }> {
  if (!hasIdShape("we", endpointId)) throw notFound();
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ url: string }[]>`
      UPDATE "WebhookEndpoint" SET "disabledAt" = clock_timestamp()
      WHERE "id" = ${endpointId} AND "partnerId" = ${partnerId} AND "disabledAt" IS NULL
      RETURNING "url"`;
    if (rows.length === 0) throw notFound();
    await tx.auditEvent.create({
      data: endpointAuditRow("webhook_endpoint.deleted", partnerId, { id: endpointId, url: rows[0].url }, by),
    });
  });
  return { id: endpointId, deleted: true };
}

/** How long the secret before a rotation keeps signing deliveries, beside the new one. */
export const ROTATION_OVERLAP_HOURS = 24;

/**
 * Gives the endpoint a new signing secret, shown only in this answer. The secret it replaces keeps
 * signing for 24 hours (each delivery then carries two v1= signatures), so the receiver can switch
 * without refusing anything; a second rotation within them drops the oldest at once.
 */
export async function rotateWebhookEndpointSecret(
  partnerId: string,
  endpointId: string,
  by: AuditActor,
  options: { idempotency?: IdempotencyClaim } = {},
): Promise<{ id: string; secret: string; previous_secret_expires_at: string }> {
  if (!hasIdShape("we", endpointId)) throw notFound();
  const secret = newSigningSecret();
  return answeredOnce(options.idempotency, async (tx) => {
    // One statement: the old secret (still sealed, bound to this endpoint) moves aside as it is.
    const rows = await tx.$queryRaw<{ previousSecretExpiresAt: Date; url: string }[]>`
      UPDATE "WebhookEndpoint"
      SET "previousSecret" = "secret",
          "previousSecretExpiresAt" = clock_timestamp() + make_interval(hours => ${ROTATION_OVERLAP_HOURS}::int),
          "secret" = ${seal(secret, "webhook_secret", endpointId)}
      WHERE "id" = ${endpointId} AND "partnerId" = ${partnerId} AND "disabledAt" IS NULL
      RETURNING "previousSecretExpiresAt", "url"`;
    if (rows.length === 0) throw notFound();
    await tx.auditEvent.create({
      data: endpointAuditRow("webhook_endpoint.secret_rotated", partnerId, { id: endpointId, url: rows[0].url }, by),
    });
    return {
      id: endpointId,
      secret,
      previous_secret_expires_at: toApiTimestamp(rows[0].previousSecretExpiresAt),
    };
  });
}

/** The signing secret of an endpoint, for the delivery worker. */
export function openSigningSecret(endpoint: { id: string; secret: string }): string {
  return unseal(endpoint.secret, "webhook_secret", endpoint.id);
}
