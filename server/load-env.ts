/**
 * Loads .env files the way Next does (.env, .env.local, .env.production…), before anything reads
 * the environment. Imported first by every entry point that runs outside Next: the server, the
 * seed, the partner CLI and Prisma's config (which does not read .env by itself).
 */
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
