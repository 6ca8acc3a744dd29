import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { waitUntil } from "@/tests/helpers/wait";
import { CommitGate } from "@/tests/helpers/commit-gate";
import { newPartner } from "@/tests/helpers/partner-api";
import type { AuditActor } from "@/lib/audit/audit-events";
import { apiKeyCacheInUse, authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "./api-keys";

const BY: AuditActor = { type: "user", id: "usr_keys_test", label: "Kim Keys <kim@partner.example>" };

describe("API key pairs", () => {
  it("authenticates a created pair as its partner", async () => {
    const partner = await newPartner();
    const pair = await createApiKey(partner.partnerId, BY);
    expect(pair.publicKey).toMatch(/^pk_[0-9a-f]{32}$/);
    expect(pair.secret).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(await authenticateApiKey(pair.publicKey, pair.secret)).toMatchObject({
      apiKeyId: expect.stringMatching(/^key_[0-9a-f]{32}$/),
      partnerId: partner.partnerId,
    });
    expect(await authenticateApiKey(pair.publicKey, `${pair.secret}x`)).toBeNull();
  });

  it("stores the secret only as a hash", async () => {
    const partner = await newPartner();
    const pair = await createApiKey(partner.partnerId, BY);
    const row = await db.apiKey.findUniqueOrThrow({ where: { publicKey: pair.publicKey } });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.secretHash).not.toBe(pair.secret);
    expect(row.secretHash).not.toContain(pair.secret);
    expect(row.secretHash).not.toContain(pair.secret.slice(3));
    expect(JSON.stringify(row)).not.toContain(pair.secret.slice(3));
  });

  it("stops a revoked pair at once, although the lookup cache still held it", async () => {
    const partner = await newPartner();
    const pair = await createApiKey(partner.partnerId, BY);
    // Authenticating twice puts the key in the in-process cache and serves the second from it.
    await waitUntil(apiKeyCacheInUse, "the key cache listens for changes");
    expect(await authenticateApiKey(pair.publicKey, pair.secret)).not.toBeNull();
    expect(await authenticateApiKey(pair.publicKey, pair.secret)).not.toBeNull();

    // The cache really holds keys: a change written behind its back, and not one the database
    // notifies (only revocations and rate limits are), is not seen yet.
    const control = await createApiKey(partner.partnerId, BY);
    expect(await authenticateApiKey(control.publicKey, control.secret)).not.toBeNull();
    await db.apiKey.update({ where: { publicKey: control.publicKey }, data: { secretHash: "0".repeat(64) } });
    expect(await authenticateApiKey(control.publicKey, control.secret)).not.toBeNull();

    await revokeApiKey(partner.partnerId, pair.publicKey, BY);
    expect(await authenticateApiKey(pair.publicKey, pair.secret)).toBeNull();
    // A second revocation has nothing left to do.
    await expect(revokeApiKey(partner.partnerId, pair.publicKey, BY)).rejects.toMatchObject({ status: 404 });
  });

  it("revokes once, with one audit event, when a second revocation reads the key while the first commits", async () => {
    const partner = await newPartner();
    const pair = await createApiKey(partner.partnerId, BY);
    const gate = await CommitGate.close("ApiKey");
    let results: PromiseSettledResult<void>[];
    try {
      const first = revokeApiKey(partner.partnerId, pair.publicKey, BY);
      await gate.waitForLockWaiters(1);
      const second = revokeApiKey(partner.partnerId, pair.publicKey, BY);
      await gate.waitForSettledOrLockWaiters(second, 2);
      await gate.open();
      results = await Promise.allSettled([first, second]);
    } finally {
      await gate.remove();
    }
    expect(results[0].status).toBe("fulfilled");
    expect(results[1].status === "rejected" && results[1].reason).toMatchObject({ code: "not_found", status: 404 });
    const events = await db.auditEvent.findMany({ where: { action: "api_key.revoked", subject: pair.publicKey } });
    expect(events).toHaveLength(1);
  });

  it("does not let one partner revoke another partner's pair", async () => {
    const owner = await newPartner();
    const other = await newPartner();
    const pair = await createApiKey(owner.partnerId, BY);
    expect(await authenticateApiKey(pair.publicKey, pair.secret)).not.toBeNull();

    await expect(revokeApiKey(other.partnerId, pair.publicKey, BY)).rejects.toMatchObject({ status: 404 });
    const row = await db.apiKey.findUniqueOrThrow({ where: { publicKey: pair.publicKey } });
    expect(row.revokedAt).toBeNull();
    expect(await authenticateApiKey(pair.publicKey, pair.secret)).toMatchObject({
      apiKeyId: row.id,
      partnerId: owner.partnerId,
    });
  });

  it("lists only the partner's own pairs, newest first, and never a secret", async () => {
    const partner = await newPartner();
    const other = await newPartner();
    const second = await createApiKey(partner.partnerId, BY);
    await createApiKey(other.partnerId, BY);
    await revokeApiKey(partner.partnerId, partner.apiKey.publicKey, BY);

    const keys = await listApiKeys(partner.partnerId);
    expect(keys.map((key) => key.publicKey).sort()).toEqual([partner.apiKey.publicKey, second.publicKey].sort());
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(["createdAt", "lastUsedAt", "publicKey", "revokedAt"]);
    }
    expect(keys.find((key) => key.publicKey === partner.apiKey.publicKey)?.revokedAt).toBeInstanceOf(Date);
    expect(keys.find((key) => key.publicKey === second.publicKey)?.revokedAt).toBeNull();
    const listed = JSON.stringify(keys);
    for (const secret of [partner.apiKey.secret, second.secret]) expect(listed).not.toContain(secret);
  });

  it("hears, at commit, of a key revoked or a limit changed by any other connection, and drops what it cached", async () => {
    const partner = await newPartner();
    const pair = await createApiKey(partner.partnerId, BY);
    await waitUntil(apiKeyCacheInUse, "the key cache listens for changes");
    await authenticateApiKey(pair.publicKey, pair.secret);
    expect(await authenticateApiKey(pair.publicKey, pair.secret)).toMatchObject({
      partnerRateLimit: { rateLimitPerSecond: null, rateLimitBurst: null },
    });
    // Another process (the shell, another app process) writes: nothing here is called.
    const elsewhere = new pg.Client({ connectionString: databaseUrl() });
    await elsewhere.connect();
    try {
      await elsewhere.query(`UPDATE "Partner" SET "rateLimitPerSecond" = 3, "rateLimitBurst" = 30 WHERE "id" = $1`, [
        partner.partnerId,
      ]);
      await waitUntil(
        async () => (await authenticateApiKey(pair.publicKey, pair.secret))?.partnerRateLimit.rateLimitBurst === 30,
        "the new limit is read",
        10_000,
      );
      await elsewhere.query(`UPDATE "ApiKey" SET "revokedAt" = now() WHERE "publicKey" = $1`, [pair.publicKey]);
      await waitUntil(
        async () => (await authenticateApiKey(pair.publicKey, pair.secret)) === null,
        "the revoked key is refused",
        10_000,
      );
    } finally {
      await elsewhere.end();
    }
  });
});
