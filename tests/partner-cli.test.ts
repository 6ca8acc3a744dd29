import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateApiKey } from "@/lib/partners/api-keys";

const run = promisify(execFile);

/** The CLI as `npm run partner -- …` runs it, on this test file's database. */
async function partnerCli(...args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run("npx", ["tsx", "--tsconfig", "tsconfig.server.json", "scripts/partner.ts", ...args], {
      env: process.env,
    });
    return { stdout, code: 0 };
  } catch (error) {
    const failure = error as { stdout?: string; code?: number };
    return { stdout: failure.stdout ?? "", code: failure.code ?? 1 };
  }
}

describe("npm run partner", () => {
  it("creates a partner with a working key pair, lists it without the secret, and revokes it", async () => {
    const created = await partnerCli("create", "Acme Payments");
    expect(created.code).toBe(0);
    const partnerId = /Partner (ptn_[0-9a-f]{32})/.exec(created.stdout)?.[1];
    const publicKey = /X-API-Key:\s+(\S+)/.exec(created.stdout)?.[1];
    const secret = /X-API-Secret:\s+(\S+)/.exec(created.stdout)?.[1];
    expect(partnerId && publicKey && secret).toBeTruthy();
    expect(await authenticateApiKey(publicKey, secret)).toMatchObject({ partnerId });

    const listed = await partnerCli("keys", partnerId!);
    expect(listed.stdout).toContain(publicKey);
    expect(listed.stdout).not.toContain(secret);

    expect((await partnerCli("revoke", partnerId!, publicKey!)).code).toBe(0);
    expect(await authenticateApiKey(publicKey, secret)).toBeNull();

    // Each change is a security event by the command line, naming the public key, never the secret.
    const events = await db.auditEvent.findMany({ where: { partnerId }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.actorType, event.actorId, event.subject])).toEqual([
      ["partner.created", "system", "cli", "Acme Payments"],
      ["api_key.created", "system", "cli", publicKey],
      ["api_key.revoked", "system", "cli", publicKey],
    ]);
    expect(JSON.stringify(events)).not.toContain(secret!.slice(3));
  }, 60_000);

  it("gives a partner its own API rate limit, refuses a burst below the rate, and puts the default back", async () => {
    const created = await partnerCli("create", "Rate Limited Payments");
    const partnerId = /Partner (ptn_[0-9a-f]{32})/.exec(created.stdout)![1];
    const limitOf = () =>
      db.partner.findUniqueOrThrow({
        where: { id: partnerId },
        select: { rateLimitPerSecond: true, rateLimitBurst: true },
      });

    expect((await partnerCli("rate-limit", partnerId, "500", "1000")).code).toBe(0);
    expect(await limitOf()).toEqual({ rateLimitPerSecond: 500, rateLimitBurst: 1000 });

    // Refused before anything is written: the limit stays as it was.
    expect((await partnerCli("rate-limit", partnerId, "500", "10")).code).toBe(1);
    expect((await partnerCli("rate-limit", "ptn_00000000000000000000000000000000", "5", "5")).code).toBe(1);
    expect((await partnerCli("rate-limit", partnerId, "fast")).code).toBe(2);
    expect(await limitOf()).toEqual({ rateLimitPerSecond: 500, rateLimitBurst: 1000 });

    expect((await partnerCli("rate-limit", partnerId, "default")).code).toBe(0);
    expect(await limitOf()).toEqual({ rateLimitPerSecond: null, rateLimitBurst: null });

    const changes = await db.auditEvent.findMany({
      where: { partnerId, action: "partner.rate_limit_changed" },
      orderBy: { id: "asc" },
    });
    expect(changes.map((event) => [event.actorId, event.subject])).toEqual([
      ["cli", "500/s, burst 1000"],
      ["cli", "default"],
    ]);
  }, 60_000);

  it("explains its usage when called wrongly", async () => {
    const result = await partnerCli("frobnicate");
    expect(result.code).toBe(2);
  }, 30_000);
});
