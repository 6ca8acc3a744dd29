/**
 * `npm run db:setup`: applies the migrations not yet applied and writes the demo data into a new
 * database (the app does the same at every start; this is for preparing a database ahead of it).
 * Run through scripts/with-database.ts, which opens the database first.
 */
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DEMO_PARTNER_ID } from "@/lib/demo/demo-data";
import { prepareDatabase } from "@/lib/database/setup";

async function setUp(): Promise<void> {
  const { migrations, demoData } = await prepareDatabase();
  console.log(migrations.length > 0 ? `Applied migrations: ${migrations.join(", ")}.` : "No migrations to apply.");
  if (demoData === "seeded") {
    console.log(
      `Seeded the demo partner (${DEMO_PARTNER_ID}) with API key ${env.DEMO_API_KEY}, and one account per role.`,
    );
  } else if (demoData === "disabled") {
    console.log("Demo data is off (SEED_DEMO=false).");
  }
}

setUp()
  .catch((error: unknown) => {
    console.error("Database setup failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
