import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";
import { databaseUrl } from "./database-url";

/**
 * Configuration, read and validated once at start. A bad value stops the process with a message
 * that names the variable, instead of failing on the first request that needs it.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(8083),
  FILE_STORAGE_DIR: z.string().min(1).default("./data/files"),
  /** HMAC key for API secrets at rest. When unset, a random one is kept in data/ (see below). */
  API_KEY_HASH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** FULL: a 200 means the customer survived a power cut. NORMAL is faster; see the README. */
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  DEMO_API_KEY: z.string().min(8).default("pk_demo_axisfi_0000000000000000"),
  DEMO_API_SECRET: z.string().min(32).default("sk_demo_axisfi_00000000000000000000000000000000"),
  /** Signs session tokens. When unset, a random one is kept in data/, so sessions survive restarts. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Passwords of the seeded demo accounts (development only). */
  DEMO_PASSWORD: z.string().min(12).default("demo-password-2026"),
  LOG_REQUESTS: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});

export type Env = z.infer<typeof envSchema> & { DATABASE_URL: string; apiKeyHashSecret: string; authSecret: string };

/** A random secret kept beside the database, created on first start. */
function secretFromDataDir(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("hex");
    // wx: two processes starting at once must not overwrite each other's key.
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  const url = databaseUrl();
  const dataDir = url.startsWith("file:") ? path.dirname(url.slice("file:".length)) : path.resolve("data");
  return {
    ...parsed.data,
    DATABASE_URL: url,
    FILE_STORAGE_DIR: path.resolve(parsed.data.FILE_STORAGE_DIR),
    apiKeyHashSecret: parsed.data.API_KEY_HASH_SECRET ?? secretFromDataDir(dataDir, "api-key-hash.secret"),
    authSecret: parsed.data.AUTH_SECRET ?? secretFromDataDir(dataDir, "auth.secret"),
  };
}

const globalForEnv = globalThis as unknown as { axisfiEnv?: Env };

export const env: Env = (globalForEnv.axisfiEnv ??= loadEnv());
