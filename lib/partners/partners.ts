import "server-only";
import { auditEventRow, type AuditActor } from "@/lib/audit/audit-events";
import { rateLimitSubject } from "@/lib/audit/audit-words";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { apiKeyRow, generateApiKeyPair, type ApiKeyPair } from "./api-keys";

export interface PartnerWithKey {
  partnerId: string;
  name: string;
  apiKey: ApiKeyPair;
}

/** The portal's own setup (seed, tests), as the actor of a partner created without a person. */
export const SETUP_ACTOR: AuditActor = { type: "system", id: "setup", label: "Portal setup" };

/** A new partner, checked, with the writes that record it; written by whoever composes them. */
export interface NewPartner extends PartnerWithKey {
  writes: Prisma.PrismaPromise<unknown>[];
}

/**
 * The writes of a new partner and (unless `withoutKey`) its first key pair, with their audit
 * events, to be run in one transaction: by createPartner alone, or with other rows (the demo seed).
 */
export function newPartnerWrites(
  name: string,
  options: { id?: string; apiKey?: ApiKeyPair; withoutKey?: boolean; by?: AuditActor } = {},
): NewPartner {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw new AppError("validation_error", 400, "partnerNameLength", [
      { field: "name", code: "invalid_format", message: { key: "partnerNameLength" } },
    ]);
  }
  const apiKey = options.apiKey ?? generateApiKeyPair();
  const partnerId = options.id ?? newId("ptn");
  const actor = options.by ?? SETUP_ACTOR;
  const key = apiKeyRow(apiKey);
  const writes = [
    db.partner.create({
      data: { id: partnerId, name: trimmed, ...(options.withoutKey ? {} : { apiKeys: { create: key } }) },
    }),
    db.auditEvent.create({ data: auditEventRow({ actor, action: "partner.created", partnerId, subject: trimmed }) }),
    ...(options.withoutKey
      ? []
      : [
          db.auditEvent.create({
            data: auditEventRow({ actor, action: "api_key.created", partnerId, subject: apiKey.publicKey }),
          }),
        ]),
  ];
  return { partnerId, name: trimmed, apiKey, writes };
}

/**
 * Creates a partner and (unless `withoutKey`) its first key pair; the partner, the key and their
 * audit events are written in one transaction. `by` is who asked: an administrator or the CLI.
 */
export async function createPartner(
  name: string,
  options: Parameters<typeof newPartnerWrites>[1] = {},
): Promise<PartnerWithKey> {
  const { writes, ...partner } = newPartnerWrites(name, options);
  await db.$transaction(writes);
  return partner;
}

export interface PartnerSummary {
  partnerId: string;
  name: string;
  createdAt: Date;
  /** Staff accounts of the partner, disabled ones included. */
  staffCount: number;
}

export async function listPartners(): Promise<PartnerSummary[]> {
  const rows = await db.partner.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, _count: { select: { users: true } } },
  });
  return rows.map((row) => ({
    partnerId: row.id,
    name: row.name,
    createdAt: row.createdAt,
    staffCount: row._count.users,
  }));
}

/** A partner's own API rate limit; null puts it back on the configured default. */
export interface PartnerRateLimit {
  perSecond: number;
  burst: number;
}

/**
 * Gives a partner its own API rate limit (or, with null, the default back), with an audit event
 * naming the new limit. Every process reads it at its next authentication (within half a second).
 */
export async function setPartnerRateLimit(
  partnerId: string,
  limit: PartnerRateLimit | null,
  by: AuditActor,
): Promise<void> {
  if (
    limit &&
    !(
      Number.isInteger(limit.perSecond) &&
      Number.isInteger(limit.burst) &&
      limit.perSecond >= 1 &&
      limit.perSecond <= 1_000_000 &&
      limit.burst >= limit.perSecond &&
      limit.burst <= 1_000_000
    )
  ) {
    throw new AppError("validation_error", 400, "rateLimitRule", [
      { field: "rate_limit", code: "invalid_format", message: { key: "rateLimitRule" } },
    ]);
  }
  const subject = rateLimitSubject(limit);
  await db.$transaction(async (tx) => {
    const updated = await tx.partner.updateMany({
      where: { id: partnerId },
      data: { rateLimitPerSecond: limit?.perSecond ?? null, rateLimitBurst: limit?.burst ?? null },
    });
    if (updated.count === 0) throw new AppError("not_found", 404, { key: "noSuchPartner", values: { partnerId } });
    await tx.auditEvent.create({
      data: auditEventRow({ actor: by, action: "partner.rate_limit_changed", partnerId, subject }),
    });
  });
}
