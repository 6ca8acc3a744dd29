import "server-only";
import type { AuditActor } from "@/lib/audit/audit-events";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { db, isUniqueViolation } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { hashApiSecret } from "@/lib/partners/api-keys";
import { newPartnerWrites } from "@/lib/partners/partners";
import { newAccountWrites } from "@/lib/users/users";

export const DEMO_PARTNER_ID = "ptn_demo";
/** A second partner, so that the separation between partners can be seen (and tested). */
export const OTHER_PARTNER_ID = "ptn_northwind";

/** One account per role; all share DEMO_PASSWORD (see the README). */
export const DEMO_ACCOUNTS = [
  { email: "admin@partner.example", name: "Dana Partner-Admin", role: "partner_admin", partnerId: DEMO_PARTNER_ID },
  { email: "user@partner.example", name: "Pat Partner-User", role: "partner_user", partnerId: DEMO_PARTNER_ID },
  { email: "user@northwind.example", name: "Noor Northwind", role: "partner_user", partnerId: OTHER_PARTNER_ID },
  { email: "reviewer@axisfi.example", name: "Robin Reviewer", role: "reviewer", partnerId: null },
  { email: "admin@axisfi.example", name: "Alex Admin", role: "admin", partnerId: null },
] as const;

/** The demo data's author in the audit trail. */
const DEMO_SEED_ACTOR: AuditActor = { type: "system", id: "demo-seed", label: "Demo data (first start)" };

export type DemoSeedOutcome = "seeded" | "disabled" | "not_a_new_database";

/**
 * Writes the demo partners, the demo key pair and one account per role, only into a new database
 * (no partner and no account yet). An existing database is never touched: a revoked demo key
 * stays revoked and a changed password stays changed, whatever the environment says now.
 */
export async function seedDemoData(): Promise<DemoSeedOutcome> {
  if (!env.SEED_DEMO) return "disabled";
  const [partners, users] = await Promise.all([db.partner.count(), db.user.count()]);
  if (partners > 0 || users > 0) return "not_a_new_database";
  const passwordHash = await hashPassword(env.DEMO_PASSWORD);
  const by = DEMO_SEED_ACTOR;
  const demoKey = { publicKey: env.DEMO_API_KEY, secret: env.DEMO_API_SECRET };
  // One transaction: a start that dies half-way leaves a new database, which the next start seeds
  // whole, never a partner without its accounts (which would read as "not a new database" for good).
  const seeding = db.$transaction([
    ...newPartnerWrites("Demo Partner", { id: DEMO_PARTNER_ID, apiKey: demoKey, by }).writes,
    ...newPartnerWrites("Northwind Marketplace", { id: OTHER_PARTNER_ID, withoutKey: true, by }).writes,
    ...DEMO_ACCOUNTS.flatMap((account) =>
      newAccountWrites(by, { ...account, id: newId("usr"), partnerId: account.partnerId, passwordHash }),
    ),
  ]);
  try {
    await seeding;
  } catch (error) {
    // Another process starting on the same new database seeded it first.
    if (isUniqueViolation(error)) return "not_a_new_database";
    throw error;
  }
  return "seeded";
}

/**
 * The demo credentials that still work: the published key pair (not revoked, the published
 * secret) and demo accounts that are enabled and still take the published password.
 */
export async function activeDemoCredentials(): Promise<string[]> {
  const active: string[] = [];
  const key = await db.apiKey.findUnique({ where: { publicKey: env.DEMO_API_KEY } });
  if (key && !key.revokedAt && key.secretHash === hashApiSecret(env.DEMO_API_SECRET)) {
    active.push(`API key ${env.DEMO_API_KEY}`);
  }
  const accounts = await db.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) }, disabledAt: null },
    select: { email: true, passwordHash: true },
  });
  for (const account of accounts) {
    if (await verifyPassword(account.passwordHash, env.DEMO_PASSWORD)) active.push(`account ${account.email}`);
  }
  return active;
}
