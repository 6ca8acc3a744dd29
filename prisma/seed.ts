/**
 * Demo data for a new database: a demo partner whose key pair is fixed (DEMO_API_KEY /
 * DEMO_API_SECRET), so the README's curl examples work as pasted on a fresh install, and one
 * account per role. Runs on every start, but writes only into a database that has no partner and
 * no account yet; SEED_DEMO=false turns it off entirely.
 */
import "../server/load-env";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DEMO_PARTNER_ID, seedDemoData } from "@/lib/demo/demo-data";

async function seed(): Promise<void> {
  const outcome = await seedDemoData();
  if (outcome === "seeded") {
    console.log(
      `Seeded the demo partner (${DEMO_PARTNER_ID}) with API key ${env.DEMO_API_KEY}, and one account per role.`,
    );
  } else if (outcome === "disabled") {
    console.log("Demo data is off (SEED_DEMO=false).");
  }
}

seed()
  .catch((error: unknown) => {
    console.error("Seeding failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
