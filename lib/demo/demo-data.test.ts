import { afterEach, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/audit-events";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authenticateApiKey, revokeApiKey } from "@/lib/partners/api-keys";
import { upsertUser } from "@/lib/users/users";
import { activeDemoCredentials, DEMO_ACCOUNTS, DEMO_PARTNER_ID, seedDemoData } from "./demo-data";

// This file's database starts empty (migrated, nothing seeded): the first start of a new install.
afterEach(() => {
  env.SEED_DEMO = true;
});

describe("seedDemoData", () => {
  it("writes nothing at all when SEED_DEMO is false", async () => {
    env.SEED_DEMO = false;
    expect(await seedDemoData()).toBe("disabled");
    expect(await db.partner.count()).toBe(0);
    expect(await db.user.count()).toBe(0);
    expect(await db.apiKey.count()).toBe(0);
  });

  it("seeds a new database, then never touches it again: a revoked key stays revoked, a changed password stays changed", async () => {
    // Two processes starting together on the new database: one seeds it, the other finds it seeded.
    expect((await Promise.all([seedDemoData(), seedDemoData()])).sort()).toEqual(["not_a_new_database", "seeded"]);
    expect(await authenticateApiKey(env.DEMO_API_KEY, env.DEMO_API_SECRET)).toMatchObject({
      partnerId: DEMO_PARTNER_ID,
    });
    expect(await db.user.count()).toBe(DEMO_ACCOUNTS.length);
    // Written as the demo seed's doing, in the trail like any other partner, key and account.
    const seeded = await db.auditEvent.findMany({ where: { actorId: "demo-seed" } });
    expect(seeded.map((event) => event.action).sort()).toEqual(
      ["api_key.created", "partner.created", "partner.created", ...DEMO_ACCOUNTS.map(() => "account.created")].sort(),
    );
    expect((await activeDemoCredentials()).sort()).toEqual(
      [`API key ${env.DEMO_API_KEY}`, ...DEMO_ACCOUNTS.map((account) => `account ${account.email}`)].sort(),
    );

    // An operator locks the demo down.
    await revokeApiKey(DEMO_PARTNER_ID, env.DEMO_API_KEY, CLI_ACTOR);
    const reviewer = DEMO_ACCOUNTS.find((account) => account.role === "reviewer")!;
    await upsertUser({ ...reviewer, password: "a-new-and-private-password" });

    // The next start runs the seed again.
    expect(await seedDemoData()).toBe("not_a_new_database");
    expect(await authenticateApiKey(env.DEMO_API_KEY, env.DEMO_API_SECRET)).toBeNull();
    await expect(signInWithPassword(reviewer.email, env.DEMO_PASSWORD, "192.0.2.50")).rejects.toThrow();
    await expect(signInWithPassword(reviewer.email, "a-new-and-private-password", "192.0.2.51")).resolves.toMatch(
      /^usr_/,
    );
    const active = await activeDemoCredentials();
    expect(active).not.toContain(`API key ${env.DEMO_API_KEY}`);
    expect(active).not.toContain(`account ${reviewer.email}`);
    expect(active).toHaveLength(DEMO_ACCOUNTS.length - 1);
  });
});
