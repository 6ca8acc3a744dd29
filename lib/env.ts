import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";
import { dataDirectory } from "./data-directory";
import { DEFAULT_RETRY_DELAYS_MS, DEFAULT_RETRY_FOR_MS, parseRetryDelays } from "./webhooks/retry-schedule";

/**
 * Configuration, read and validated once at start. A bad value stops the process with a message
 * that names the variable, instead of failing on the first request that needs it.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(1).max(65535).default(8083),
    /** Where document bytes are kept: a local folder (FILE_STORAGE_DIR) or an S3-compatible bucket. */
    FILE_STORAGE: z.enum(["local", "s3"]).default("local"),
    /** The local folder for documents; default: files/ in the data folder. */
    FILE_STORAGE_DIR: z.string().min(1).optional(),
    /** The S3 API's address for MinIO, Ceph, R2 and the like; unset means AWS S3 itself. */
    S3_ENDPOINT: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).optional(),
    /** Unset, both: the SDK's default chain (environment, profile, instance role). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Bucket in the path rather than the host name; most non-AWS servers need it. Default: true with S3_ENDPOINT. */
    S3_FORCE_PATH_STYLE: z
      .enum(["true", "false"])
      .optional()
      .transform((value) => (value === undefined ? undefined : value === "true")),
    /** HMAC key for API secrets at rest. When unset, a random one is kept in data/ (see below). */
    API_KEY_HASH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** App processes serving the port (node:cluster); they share the database and nothing else. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    DEMO_API_KEY: z.string().min(8).default("pk_demo_axisfi_0000000000000000"),
    DEMO_API_SECRET: z.string().min(32).default("sk_demo_axisfi_00000000000000000000000000000000"),
    /** Signs session tokens. When unset, a random one is kept in data/, so sessions survive restarts. */
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Passwords of the seeded demo accounts (development only). */
    DEMO_PASSWORD: z.string().min(12).default("demo-password-2026"),
    /** false: no demo partner, key or accounts, ever. The demo data is only written into a new database. */
    SEED_DEMO: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
    /** Where people reach the portal (e.g. https://onboarding.example.com); https turns on Secure cookies and HSTS. */
    PUBLIC_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
    /** How many proxy hops in front of the server to trust for X-Forwarded-For; 0: the socket's address. */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * Keys for personal data at rest (ID numbers, drafts, stored responses): `<key id>:<64 hex or
     * base64 of 32 bytes>`, comma-separated, the first encrypts and all decrypt (rotation). When
     * unset, a random key is kept in data/.
     */
    DATA_ENCRYPTION_KEY: z.string().min(1).optional(),
    /**
     * Partner API rate limit of each API key, unless its partner has its own (Partner.rateLimit*):
     * tokens added per second and the most a key's bucket holds (lib/api/rate-limits.ts).
     */
    API_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(100),
    API_RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(200),
    /**
     * Lets webhook endpoints be plain http on a loopback address (a partner's local test
     * receiver), and deliveries go to loopback and private addresses (tests, the demo). Off in
     * production: endpoints must be https and resolve to public addresses only.
     */
    WEBHOOKS_ALLOW_PRIVATE: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
    /**
     * Webhook retries (lib/webhooks/retry-schedule.ts): the delays after each failed attempt,
     * comma-separated milliseconds (the last repeats), and how long after the first attempt a
     * delivery is retried before it is marked failed. Defaults: 1 min, 5 min, 30 min, 2 h, 5 h, 10 h; 3 days.
     */
    WEBHOOK_RETRY_DELAYS_MS: z
      .string()
      .optional()
      .refine((value) => value === undefined || parseRetryDelays(value) !== null, {
        message: "must be comma-separated whole milliseconds",
      })
      .transform((value) => (value === undefined ? [...DEFAULT_RETRY_DELAYS_MS] : parseRetryDelays(value)!)),
    WEBHOOK_RETRY_FOR_MS: z.coerce.number().int().min(0).default(DEFAULT_RETRY_FOR_MS),
    /**
     * How long a claimed delivery is held by the process sending it; a process that dies mid-delivery
     * lets it expire and another retries. Keep it above the 10 s request timeout.
     */
    WEBHOOK_LEASE_MS: z.coerce.number().int().min(1000).default(30_000),
    LOG_REQUESTS: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
  })
  .superRefine((config, context) => {
    if (config.FILE_STORAGE !== "s3") return;
    for (const name of ["S3_BUCKET", "S3_REGION"] as const) {
      if (!config[name]) context.addIssue({ code: "custom", path: [name], message: "required when FILE_STORAGE=s3" });
    }
    if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
      const missing = config.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
      context.addIssue({
        code: "custom",
        path: [missing],
        message: "set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the SDK's default chain)",
      });
    }
  });

/** The bucket documents are kept in, when FILE_STORAGE=s3. */
export interface S3Config {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function s3Config(config: z.infer<typeof envSchema>): S3Config | undefined {
  if (config.FILE_STORAGE !== "s3" || !config.S3_BUCKET || !config.S3_REGION) return undefined;
  return {
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE ?? config.S3_ENDPOINT !== undefined,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
  };
}

export type Env = Omit<z.infer<typeof envSchema>, "FILE_STORAGE_DIR"> & {
  FILE_STORAGE_DIR: string;
  apiKeyHashSecret: string;
  authSecret: string;
  /** `<key id>:<key>` pairs as DATA_ENCRYPTION_KEY takes them, or the one kept in data/. */
  dataEncryptionKeys: string;
  /** PUBLIC_URL, else NEXTAUTH_URL, else the address the server listens on. */
  publicUrl: string;
  /** Whether an operator named the public URL (PUBLIC_URL or NEXTAUTH_URL), i.e. it is deployed somewhere. */
  publicUrlConfigured: boolean;
  dataDir: string;
  /** Set exactly when FILE_STORAGE=s3. */
  s3?: S3Config;
};

/** Shorter than this, a kept secret is refused: it was cut short (a torn write) or is too weak. */
export const SECRET_MIN_LENGTH = 32;

function readKeptSecret(file: string): string {
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < SECRET_MIN_LENGTH) {
    throw new Error(
      `${file} holds ${secret.length} characters, fewer than ${SECRET_MIN_LENGTH}: it was cut short or edited. ` +
        "Restore it from a backup (data encrypted or signed with it cannot be read without it), or remove it to start afresh.",
    );
  }
  return secret;
}

/**
 * A random secret kept beside the database, created on first start. Written whole (to a temporary
 * file, synced, then linked into place), so a crash never leaves half a key behind.
 */
export function secretFromDataDir(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return readKeptSecret(file);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  const descriptor = fs.openSync(temporary, "wx", 0o600);
  try {
    fs.writeFileSync(descriptor, crypto.randomBytes(32).toString("hex"));
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  try {
    // link refuses an existing target: of two processes starting at once, the first key wins.
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return readKeptSecret(file);
}

const OPERATOR_WORDS = z.locales.en().localeError;

/** The environment's settings, validated; throws naming every bad variable (never its value). */
export function parseEnvironment(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  // Said to the operator in Zod's own English, whatever error map the portal's refusals use.
  const parsed = envSchema.safeParse(source, { error: OPERATOR_WORDS });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return parsed.data;
}

function loadEnv(): Env {
  const settings = parseEnvironment(process.env);
  const dataDir = dataDirectory();
  return {
    ...settings,
    FILE_STORAGE_DIR: path.resolve(/*turbopackIgnore: true*/ settings.FILE_STORAGE_DIR ?? path.join(dataDir, "files")),
    s3: s3Config(settings),
    apiKeyHashSecret: settings.API_KEY_HASH_SECRET ?? secretFromDataDir(dataDir, "api-key-hash.secret"),
    authSecret: settings.AUTH_SECRET ?? secretFromDataDir(dataDir, "auth.secret"),
    dataEncryptionKeys: settings.DATA_ENCRYPTION_KEY ?? `k1:${secretFromDataDir(dataDir, "data-encryption.key")}`,
    publicUrl: (settings.PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? `http://${settings.HOST}:${settings.PORT}`).replace(
      /\/+$/,
      "",
    ),
    publicUrlConfigured: Boolean(settings.PUBLIC_URL ?? process.env.NEXTAUTH_URL),
    dataDir,
  };
}

const globalForEnv = globalThis as unknown as { axisfiEnv?: Env };

export const env: Env = (globalForEnv.axisfiEnv ??= loadEnv());
