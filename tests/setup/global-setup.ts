import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrations";

export const TEMPLATE_DATABASE = "axisfi_template";

/**
 * One embedded PostgreSQL for the whole run (fsync off: a throwaway cluster), with one database
 * migrated by the real migrations; each test file gets its own copy of it (tests/setup/
 * test-database.ts). The cluster and its folder are removed after the run.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-test-"));
  const server = await startEmbeddedPostgres({ dir: path.join(dir, "postgres"), durability: "fast" });
  await ensureDatabase(server, TEMPLATE_DATABASE);
  await applyMigrations(server.urlFor(TEMPLATE_DATABASE));
  project.provide("testPostgres", { dir: path.join(dir, "postgres"), template: TEMPLATE_DATABASE });
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testPostgres: { dir: string; template: string };
  }
}
