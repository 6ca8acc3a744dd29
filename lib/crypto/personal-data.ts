import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

/**
 * Personal data at rest (ID numbers, drafts, stored responses that echo them) is sealed with
 * AES-256-GCM. Each sealed value names the key that sealed it, so keys can rotate: the first key
 * of DATA_ENCRYPTION_KEY seals, every listed key opens. A value is bound to what it is and
 * whose it is (see boundTo), so one copied to another column or another row does not open.
 *
 * Format: `enc:v1:<key id>:<base64url of 12-byte IV, ciphertext, 16-byte tag>`.
 */
const PREFIX = "enc:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface KeyRing {
  current: string;
  keys: Map<string, Buffer>;
}

function decodeKey(id: string, text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) {
    throw new Error(`DATA_ENCRYPTION_KEY: key "${id}" must be 32 bytes (64 hex characters or base64).`);
  }
  return key;
}

/** Parses `<key id>:<key>[,<key id>:<key>…]`; the first key seals. */
export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  const entries = spec
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const separator = entry.indexOf(":");
    const id = separator > 0 ? entry.slice(0, separator) : "";
    if (!KEY_ID.test(id))
      throw new Error("DATA_ENCRYPTION_KEY: each key is `<key id>:<key>`, the id 1–32 of A-Z a-z 0-9 _ -.");
    if (keys.has(id)) throw new Error(`DATA_ENCRYPTION_KEY: key id "${id}" is listed twice.`);
    keys.set(id, decodeKey(id, entry.slice(separator + 1)));
  }
  const current = entries.length > 0 ? entries[0].slice(0, entries[0].indexOf(":")) : "";
  if (!current) throw new Error("DATA_ENCRYPTION_KEY: no key given.");
  return { current, keys };
}

const globalForKeys = globalThis as unknown as { axisfiDataKeys?: KeyRing };

function keyRing(): KeyRing {
  return (globalForKeys.axisfiDataKeys ??= parseKeyRing(env.dataEncryptionKeys));
}

/** Parses the configured keys now, so a malformed DATA_ENCRYPTION_KEY stops the start, not a request. */
export function checkDataEncryptionKeys(): void {
  keyRing();
}

/** What a sealed value is; part of what the tag authenticates. */
export type SealPurpose = "id_number" | "draft" | "idempotent_response" | "event" | "webhook_secret";

/** How every sealed value begins; a stored value without it was written before sealing. */
export const SEALED_PREFIX = PREFIX;

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/**
 * What a sealed value is bound to, authenticated with it: what it is (its purpose) and whose it
 * is (the id of its row). A value moved to another column, or to another person's row, by
 * someone who can write to the database, does not open there.
 */
function boundTo(purpose: SealPurpose, owner: string): Buffer {
  return Buffer.from(`${purpose}\u0000${owner}`);
}

export function seal(plaintext: string, purpose: SealPurpose, owner: string, ring: KeyRing = keyRing()): string {
  const key = ring.keys.get(ring.current)!;
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(boundTo(purpose, owner));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${PREFIX}${ring.current}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

/** The plaintext of a sealed value; throws when the key is unknown or the value was altered. */
export function unseal(sealed: string, purpose: SealPurpose, owner: string, ring: KeyRing = keyRing()): string {
  if (!isSealed(sealed)) throw new Error("Not a sealed value.");
  const rest = sealed.slice(PREFIX.length);
  const separator = rest.indexOf(":");
  const keyId = rest.slice(0, separator);
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`No data encryption key "${keyId}" is configured; add it to DATA_ENCRYPTION_KEY.`);
  const bytes = Buffer.from(rest.slice(separator + 1), "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error("A sealed value is truncated.");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(boundTo(purpose, owner));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
    decipher.final(),
  ]).toString("utf8");
}

/**
 * A value read from the database, opened. Every column read this way has held only sealed values
 * since its first row: ID numbers and idempotent responses were sealed before the move to
 * PostgreSQL (whose one migration history began empty: nothing was carried over from SQLite, and
 * the sealing of SQLite's clear rows went with it), events and webhook secrets from the commits
 * that made them. So a value in clear was written around the portal (by hand in SQL, or by a bug)
 * and is refused, not served as if it were what was stored. The error names what and whose,
 * never the value.
 */
export function openStored(stored: string, purpose: SealPurpose, owner: string, ring?: KeyRing): string {
  if (!isSealed(stored)) {
    throw new Error(
      `The stored ${purpose} of ${owner} is not sealed; it was not written by the portal, so it is not read.`,
    );
  }
  return unseal(stored, purpose, owner, ring);
}

/** The id of the key a sealed value was sealed with (to find values still under a retired key). */
export function sealedKeyId(sealed: string): string | null {
  if (!isSealed(sealed)) return null;
  const rest = sealed.slice(PREFIX.length);
  return rest.slice(0, rest.indexOf(":"));
}
