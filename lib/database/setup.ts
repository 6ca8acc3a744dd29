import "server-only";
import { databaseUrl } from "@/lib/database-url";
import { seedDemoData, type DemoSeedOutcome } from "@/lib/demo/demo-data";
import { applyMigrations } from "./migrations";

/**
 * Brings the database up to date before anything serves from it: the migrations not yet applied
 * (under node-pg-migrate's advisory lock, so two processes starting together apply each once),
 * then the demo data into a new database.
 */
export async function prepareDatabase(): Promise<{ migrations: string[]; demoData: DemoSeedOutcome }> {
  const migrations = await applyMigrations(databaseUrl());
  const demoData = await seedDemoData();
  return { migrations, demoData };
}
