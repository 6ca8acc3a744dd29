import "server-only";
import crypto from "node:crypto";

/**
 * The signature of a webhook delivery, sent as the `AxisFI-Signature` header:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The timestamp is signed with the
 * body, so a captured delivery cannot be replayed later than the tolerance allows.
 */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestampSeconds: number, rawBody: string | Buffer): string {
  return crypto.createHmac("sha256", secret).update(`${timestampSeconds}.`).update(rawBody).digest("hex");
}

export function signPayload(secret: string, timestampSeconds: number, rawBody: string | Buffer): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new Error("The timestamp must be whole seconds since the Unix epoch.");
  }
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, rawBody)}`;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The timestamp and the v1 signatures of a header; null when it is not of that shape. */
function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | null {
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const separator = part.indexOf("=");
    if (separator < 0) return null;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (name === "t") {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (name === "v1") {
      // Other schemes (v0, a later v2) are skipped, so a receiver keeps working when one is added.
      if (HEX_SHA256.test(value)) signatures.push(Buffer.from(value, "hex"));
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * Whether `header` signs `rawBody` with one of `secrets` (several while a secret rotates), at a
 * time within `toleranceSeconds` of `nowSeconds`. Compares in constant time.
 */
export function verifySignature(
  header: string,
  secrets: readonly string[],
  rawBody: string | Buffer,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  const parsed = parseHeader(header);
  if (!parsed) return false;
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return false;
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(hmacHex(secret, parsed.timestamp, rawBody), "hex");
    for (const signature of parsed.signatures) {
      // Every pair is compared, so the time taken does not tell which secret or signature matched.
      if (crypto.timingSafeEqual(expected, signature)) matched = true;
    }
  }
  return matched;
}
