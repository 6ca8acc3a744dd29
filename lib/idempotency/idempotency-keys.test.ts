import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db, LIVENESS_LOCK_CLASS, livenessLock } from "@/lib/db";
import { databaseUrl } from "@/lib/database-url";
import { claimInFlight } from "./idempotency-keys";

// Another process, as far as PostgreSQL can tell: a session of its own holding a liveness lock.
const others: pg.Client[] = [];

async function otherProcess(id: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1, $2)", [LIVENESS_LOCK_CLASS, id]);
  others.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(others.splice(0).map((client) => client.end()));
});

function claimRow(partnerId: string, key: string, owner: number, expiresInMs: number) {
  return db.idempotencyClaim.create({
    data: { partnerId, scope: "api", key, owner, expiresAt: new Date(Date.now() + expiresInMs) },
  });
}

describe("Idempotency-Key claims", () => {
  it("lets one request hold a key until it releases it", async () => {
    const release = await claimInFlight("partner-a", "api", "key-1");
    expect(release).not.toBeNull();
    expect(await claimInFlight("partner-a", "api", "key-1")).toBeNull();
    // Keys are per partner and per scope.
    const otherPartner = await claimInFlight("partner-b", "api", "key-1");
    const otherScope = await claimInFlight("partner-a", "draft", "key-1");
    expect(otherPartner).not.toBeNull();
    expect(otherScope).not.toBeNull();

    await release!();
    await otherPartner!();
    await otherScope!();
    expect(await db.idempotencyClaim.count({ where: { key: "key-1" } })).toBe(0);
    const again = await claimInFlight("partner-a", "api", "key-1");
    expect(again).not.toBeNull();
    await again!();
  });

  it("is refused while another live process holds the key, and taken over once that process is gone", async () => {
    const other = await otherProcess(424242);
    await claimRow("partner-c", "held-elsewhere", 424242, 60_000);
    expect(await claimInFlight("partner-c", "api", "held-elsewhere")).toBeNull();

    // The other process dies: its session ends, and with it its liveness lock.
    await other.end();
    others.length = 0;
    const release = await claimInFlight("partner-c", "api", "held-elsewhere");
    expect(release).not.toBeNull();
    const row = await db.idempotencyClaim.findFirstOrThrow({ where: { key: "held-elsewhere" } });
    expect(row.owner).toBe(await livenessLock.id());
    await release!();
  });

  it("takes over a claim that has outlived any request, even from a live process", async () => {
    await otherProcess(434343);
    await claimRow("partner-d", "stuck", 434343, -1_000);
    const release = await claimInFlight("partner-d", "api", "stuck");
    expect(release).not.toBeNull();
    await release!();
  });

  it("releases only its own claim, not one that took it over", async () => {
    const release = await claimInFlight("partner-e", "api", "taken-over");
    expect(release).not.toBeNull();
    // Meanwhile the claim expired and another process took the key.
    await db.idempotencyClaim.update({
      where: { partnerId_scope_key: { partnerId: "partner-e", scope: "api", key: "taken-over" } },
      data: { owner: 454545, claimedAt: new Date(Date.now() + 1) },
    });
    await release!();
    expect(await db.idempotencyClaim.count({ where: { key: "taken-over" } })).toBe(1);
  });
});
