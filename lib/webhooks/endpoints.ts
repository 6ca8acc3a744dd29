import "server-only";
import crypto from "node:crypto";
import { seal, unseal } from "@/lib/crypto/personal-data";
import { toApiTimestamp } from "@/lib/customers/fields";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, fieldErrorsFromZod, validationError } from "@/lib/errors";
import { hasIdShape, newId } from "@/lib/ids";
import { createWebhookEndpointSchema, type WebhookEndpointResource } from "./endpoint-schema";

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
  return new AppError("not_found", 404, "No such webhook endpoint.");
}

/** Registers an endpoint; the answer is the only place its signing secret is ever shown. */
export async function createWebhookEndpoint(
  partnerId: string,
  input: unknown,
): Promise<WebhookEndpointResource & { secret: string }> {
  const parsed = createWebhookEndpointSchema({ allowLoopback: env.WEBHOOKS_ALLOW_PRIVATE }).safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error));
  const id = newId("we");
  const secret = newSigningSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      id,
      partnerId,
      url: parsed.data.url,
      eventTypes: parsed.data.event_types,
      secret: seal(secret, "webhook_secret", id),
    },
  });
  return { ...toResource(row), secret };
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
 * Disables the endpoint (nothing more is sent to it, it is no longer listed); the row stays so the
 * deliveries made to it keep their endpoint.
 */
export async function deleteWebhookEndpoint(
  partnerId: string,
  endpointId: string,
): Promise<{ id: string; deleted: true }> {
  if (!hasIdShape("we", endpointId)) throw notFound();
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id: endpointId, partnerId, disabledAt: null },
    data: { disabledAt: new Date() },
  });
  if (count === 0) throw notFound();
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
): Promise<{ id: string; secret: string; previous_secret_expires_at: string }> {
  if (!hasIdShape("we", endpointId)) throw notFound();
  const secret = newSigningSecret();
  // One statement: the old secret (still sealed, bound to this endpoint) moves aside as it is.
  const rows = await db.$queryRaw<{ previousSecretExpiresAt: Date }[]>`
    UPDATE "WebhookEndpoint"
    SET "previousSecret" = "secret",
        "previousSecretExpiresAt" = clock_timestamp() + make_interval(hours => ${ROTATION_OVERLAP_HOURS}::int),
        "secret" = ${seal(secret, "webhook_secret", endpointId)}
    WHERE "id" = ${endpointId} AND "partnerId" = ${partnerId} AND "disabledAt" IS NULL
    RETURNING "previousSecretExpiresAt"`;
  if (rows.length === 0) throw notFound();
  return { id: endpointId, secret, previous_secret_expires_at: toApiTimestamp(rows[0].previousSecretExpiresAt) };
}

/** The signing secret of an endpoint, for the delivery worker. */
export function openSigningSecret(endpoint: { id: string; secret: string }): string {
  return unseal(endpoint.secret, "webhook_secret", endpoint.id);
}
