import "server-only";
import crypto from "node:crypto";
import { auditEventRow, type AuditActor } from "@/lib/audit/audit-events";
import { subscribe } from "@/lib/database/notifications";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";

export interface ApiKeyPair {
  publicKey: string;
  /** Shown once, at creation; only its keyed hash is stored. */
  secret: string;
}

export interface ApiKeySummary {
  publicKey: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Partner.rateLimitPerSecond and rateLimitBurst. */
export interface PartnerRateLimit {
  rateLimitPerSecond: number | null;
  rateLimitBurst: number | null;
}

/** Who a valid key pair speaks for. */
export interface ApiKeyPrincipal {
  apiKeyId: string;
  publicKey: string;
  partnerId: string;
  /**
   * The partner's own API rate limit (null: the configured default, lib/api/rate-limits.ts); a
   * change is seen by every process at its commit (see the cache below).
   */
  partnerRateLimit: PartnerRateLimit;
}

/**
 * Secrets are 256-bit random values, so a keyed SHA-256 resists guessing as well as a slow
 * password hash would, at a cost small enough to pay on every request.
 */
export function hashApiSecret(secret: string): string {
  return crypto.createHmac("sha256", env.apiKeyHashSecret).update(secret).digest("hex");
}

export function generateApiKeyPair(): ApiKeyPair {
  return {
    publicKey: `pk_${crypto.randomBytes(16).toString("hex")}`,
    secret: `sk_${crypto.randomBytes(32).toString("base64url")}`,
  };
}

interface CachedKey {
  apiKeyId: string;
  partnerId: string;
  secretHash: Buffer;
  revoked: boolean;
  partnerRateLimit: PartnerRateLimit;
  lastUsedWrittenAt: number;
  loadedAt: number;
}

/**
 * An in-process cache of key lookups saves a query per request. It is trusted only while this
 * process listens for `api_access_changed`, which the database sends at the commit of a
 * revocation or a partner's new rate limit, whoever wrote it (migration 0011): the partner's
 * entries are dropped then, and the whole cache whenever listening starts again (what was sent
 * meanwhile is lost). So a change reaches every process at once; and a revoked key is refused by
 * the rate-limit statement of its very next request in any case (lib/api/rate-limits.ts), before
 * this process has heard of it. The TTL only bounds how long a key that is never touched stays.
 */
export const API_ACCESS_CHANNEL = "api_access_changed";
const CACHE_TTL_MS = 10 * 60_000;
const LAST_USED_RESOLUTION_MS = 60_000;
interface KeyCache {
  entries: Map<string, CachedKey>;
  trusted: boolean;
  listening: boolean;
  /** Counts the changes heard: a look-up that started before one is not cached. */
  changes: number;
}
// On globalThis: the custom server and Next's bundles (which revoke keys) load this module apart.
const globalForKeys = globalThis as unknown as { axisfiApiKeyCache?: KeyCache };
const cache = (globalForKeys.axisfiApiKeyCache ??= {
  entries: new Map(),
  trusted: false,
  listening: false,
  changes: 0,
});

function listenForChanges(): void {
  if (cache.listening) return;
  cache.listening = true;
  subscribe(API_ACCESS_CHANNEL, {
    notified: (partnerId) => {
      cache.changes += 1;
      for (const [publicKey, entry] of cache.entries)
        if (entry.partnerId === partnerId) cache.entries.delete(publicKey);
    },
    listening: (live) => {
      cache.changes += 1;
      cache.entries.clear();
      cache.trusted = live;
    },
  });
}

/** Whether this process's key cache is in use: it listens for changes (else every look-up reads). */
export function apiKeyCacheInUse(): boolean {
  listenForChanges();
  return cache.trusted;
}

async function loadKey(publicKey: string): Promise<CachedKey | null> {
  listenForChanges();
  const cached = cache.trusted ? cache.entries.get(publicKey) : undefined;
  if (cached && Date.now() - cached.loadedAt < CACHE_TTL_MS) return cached;
  const changesBefore = cache.changes;
  const row = await db.apiKey.findUnique({
    where: { publicKey },
    select: {
      id: true,
      partnerId: true,
      secretHash: true,
      revokedAt: true,
      lastUsedAt: true,
      partner: { select: { rateLimitPerSecond: true, rateLimitBurst: true } },
    },
  });
  if (!row) {
    cache.entries.delete(publicKey);
    return null;
  }
  const entry: CachedKey = {
    apiKeyId: row.id,
    partnerId: row.partnerId,
    secretHash: Buffer.from(row.secretHash, "hex"),
    revoked: row.revokedAt !== null,
    partnerRateLimit: row.partner,
    lastUsedWrittenAt: cached?.lastUsedWrittenAt ?? row.lastUsedAt?.getTime() ?? 0,
    loadedAt: Date.now(),
  };
  if (cache.trusted && cache.changes === changesBefore) cache.entries.set(publicKey, entry);
  return entry;
}

// A well-formed hash to compare against when the key is unknown, so that timing does not tell
// an unknown key from a wrong secret.
const DUMMY_HASH = Buffer.alloc(32);

/** The partner a key pair belongs to, or null for a missing, unknown, wrong or revoked pair. */
export async function authenticateApiKey(
  publicKey: string | undefined,
  secret: string | undefined,
): Promise<ApiKeyPrincipal | null> {
  if (!publicKey || !secret || publicKey.length > 128 || secret.length > 256) return null;
  const key = await loadKey(publicKey);
  const presented = Buffer.from(hashApiSecret(secret), "hex");
  const secretMatches = crypto.timingSafeEqual(presented, key?.secretHash ?? DUMMY_HASH);
  if (!key || !secretMatches || key.revoked) return null;
  const now = Date.now();
  if (now - key.lastUsedWrittenAt > LAST_USED_RESOLUTION_MS) {
    key.lastUsedWrittenAt = now;
    await db.apiKey.update({ where: { id: key.apiKeyId }, data: { lastUsedAt: new Date(now) } });
  }
  return { apiKeyId: key.apiKeyId, publicKey, partnerId: key.partnerId, partnerRateLimit: key.partnerRateLimit };
}

/** The stored row of a key pair: its public key and the hash of its secret, never the secret. */
export function apiKeyRow(pair: ApiKeyPair) {
  return { id: newId("key"), publicKey: pair.publicKey, secretHash: hashApiSecret(pair.secret) };
}

/**
 * Creates a key pair for a partner, with its audit event (the public key only), in one
 * transaction; the returned secret is never retrievable again.
 */
export async function createApiKey(
  partnerId: string,
  by: AuditActor,
  pair: ApiKeyPair = generateApiKeyPair(),
): Promise<ApiKeyPair> {
  await db.$transaction([
    db.apiKey.create({ data: { ...apiKeyRow(pair), partnerId } }),
    db.auditEvent.create({
      data: auditEventRow({ actor: by, action: "api_key.created", partnerId, subject: pair.publicKey }),
    }),
  ]);
  return pair;
}

/**
 * Revokes a partner's key, with its audit event, in one transaction; it stops working in this
 * process at once. A key that is unknown, another partner's or already revoked is not found.
 */
export async function revokeApiKey(partnerId: string, publicKey: string, by: AuditActor): Promise<void> {
  const revoked = await db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { partnerId, publicKey, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return false;
    await tx.auditEvent.create({
      data: auditEventRow({ actor: by, action: "api_key.revoked", partnerId, subject: publicKey }),
    });
    return true;
  });
  cache.entries.delete(publicKey);
  if (!revoked) {
    throw new AppError("not_found", 404, "keyAlreadyRevoked");
  }
}

export async function listApiKeys(partnerId: string): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({
    where: { partnerId },
    orderBy: { createdAt: "desc" },
    select: { publicKey: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
