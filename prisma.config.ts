import "./server/load-env";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The Prisma CLI only generates the client and writes migration SQL offline (prisma migrate diff);
// migrations are applied by the app's own runner (lib/database/migrations.ts), since
// `prisma migrate deploy` cannot run through the PostgreSQL driver adapter (prisma/orm#27403).
process.env.DATABASE_URL ??= "postgresql://offline@localhost/offline";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // Without allowExitOnIdle the pool's idle connection keeps every CLI command alive ~10 s.
    return new PrismaPg({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true });
  },
});
