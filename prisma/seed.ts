/**
 * Development seed: a demo partner whose key pair is fixed (DEMO_API_KEY / DEMO_API_SECRET), so the
 * README's curl examples work as pasted on a fresh install. Safe to run on every start.
 */
import "../server/load-env";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { apiKeyRow } from "@/lib/partners/api-keys";
import { upsertUser } from "@/lib/users/users";

export const DEMO_PARTNER_ID = "ptn_demo";
/** A second partner, so that the separation between partners can be seen (and tested). */
export const OTHER_PARTNER_ID = "ptn_northwind";

/** One account per role; all share DEMO_PASSWORD (see the README). */
const DEMO_ACCOUNTS = [
  { email: "admin@partner.example", name: "Dana Partner-Admin", role: "partner_admin", partnerId: DEMO_PARTNER_ID },
  { email: "user@partner.example", name: "Pat Partner-User", role: "partner_user", partnerId: DEMO_PARTNER_ID },
  { email: "user@northwind.example", name: "Noor Northwind", role: "partner_user", partnerId: OTHER_PARTNER_ID },
  { email: "reviewer@axisfi.example", name: "Robin Reviewer", role: "reviewer", partnerId: null },
  { email: "admin@axisfi.example", name: "Alex Admin", role: "admin", partnerId: null },
] as const;

async function seed(): Promise<void> {
  const demoKey = { publicKey: env.DEMO_API_KEY, secret: env.DEMO_API_SECRET };
  const { id: _newId, ...keyRow } = apiKeyRow(demoKey);
  await db.$transaction([
    db.partner.upsert({
      where: { id: DEMO_PARTNER_ID },
      create: { id: DEMO_PARTNER_ID, name: "Demo Partner" },
      update: {},
    }),
    db.partner.upsert({
      where: { id: OTHER_PARTNER_ID },
      create: { id: OTHER_PARTNER_ID, name: "Northwind Marketplace" },
      update: {},
    }),
    db.apiKey.upsert({
      where: { publicKey: demoKey.publicKey },
      create: { ...keyRow, id: _newId, partnerId: DEMO_PARTNER_ID },
      // The demo secret may have changed through the environment; the key stays the demo partner's.
      update: { secretHash: keyRow.secretHash, partnerId: DEMO_PARTNER_ID, revokedAt: null },
    }),
  ]);
  for (const account of DEMO_ACCOUNTS) await upsertUser({ ...account, password: env.DEMO_PASSWORD });
  console.log(
    `Seeded the demo partner (${DEMO_PARTNER_ID}) with API key ${demoKey.publicKey}, and one account per role.`,
  );
}

seed()
  .catch((error: unknown) => {
    console.error("Seeding failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
