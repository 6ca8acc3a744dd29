import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isPublicAddress } from "./address-check";

/**
 * One webhook POST, guarded against server-side request forgery: the host name is resolved here,
 * every address it resolves to is checked (public unicast only), and the connection is made to
 * the checked address (the `lookup` of the socket), so a DNS answer that changes between a check
 * and the connection (rebinding) cannot send it elsewhere. Redirects are not followed.
 */

export const REQUEST_TIMEOUT_MS = 10_000;
/** What is kept of an answer's body for the delivery log. */
export const EXCERPT_CHARACTERS = 200;
const MAX_READ_BYTES = 16 * 1024;

export interface SendResult {
  /** Null when no answer came; `excerpt` then says why. */
  statusCode: number | null;
  durationMs: number;
  excerpt: string;
}

class RefusedAddress extends Error {
  readonly code = "ERR_WEBHOOK_ADDRESS_REFUSED";
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/** A socket `lookup` that resolves like the system does, then refuses any non-public address. */
function checkedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused || addresses.length === 0) {
      return callback(new RefusedAddress(`${hostname} resolves to an address that is not public`), []);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

// Keep-alive connections, one pool per kind: a socket is checked when it connects, and reused
// only for the host it connected to.
const agents = {
  checked: {
    https: new https.Agent({ keepAlive: true, lookup: checkedLookup as net.LookupFunction }),
    http: new http.Agent({ keepAlive: true, lookup: checkedLookup as net.LookupFunction }),
  },
  open: { https: new https.Agent({ keepAlive: true }), http: new http.Agent({ keepAlive: true }) },
};

function excerptOf(body: Buffer): string {
  return (
    body
      .toString("utf8")
      .slice(0, EXCERPT_CHARACTERS)
      // One line in the log, whatever the receiver sent.
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      .trim()
  );
}

function failureExcerpt(error: unknown, timeoutMs: number): string {
  if (error instanceof RefusedAddress) return "Not sent: the host resolves to a private or reserved address.";
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") {
    return `No answer within ${timeoutMs / 1000} s.`;
  }
  const code = (error as { code?: unknown }).code;
  return `No answer: ${typeof code === "string" ? code : "connection failed"}.`;
}

/**
 * POSTs `body` to `url` with `headers`; any answer (even an error status) resolves, as does a
 * refused address, a timeout or a connection failure (statusCode null). With `allowPrivate`
 * (WEBHOOKS_ALLOW_PRIVATE), loopback and private addresses and plain http are allowed.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  { allowPrivate, timeoutMs = REQUEST_TIMEOUT_MS }: { allowPrivate: boolean; timeoutMs?: number },
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const target = new URL(url);
    const secure = target.protocol === "https:";
    if (!secure && !(allowPrivate && target.protocol === "http:")) throw new RefusedAddress("not https");
    // An address literal is connected to as it is, without a lookup: it is checked here.
    const literal = target.hostname.replace(/^\[(.*)\]$/, "$1");
    if (!allowPrivate && net.isIP(literal) && !isPublicAddress(literal)) throw new RefusedAddress("private literal");
    const pool = allowPrivate ? agents.open : agents.checked;
    const answer = await new Promise<{ statusCode: number; body: Buffer }>((resolve, reject) => {
      const request = (secure ? https : http).request(target, {
        method: "POST",
        agent: secure ? pool.https : pool.http,
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(timeoutMs),
      });
      request.once("error", reject);
      request.once("response", (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let enough = false;
        response.on("data", (chunk: Buffer) => {
          if (enough) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_READ_BYTES) {
            // The status and the excerpt are in: the rest of a long (or endless) body is not read,
            // so a receiver cannot hold a delivery slot for the whole timeout by streaming.
            enough = true;
            resolve({ statusCode: response.statusCode ?? 0, body: Buffer.concat(chunks) });
            response.destroy();
          }
        });
        response.once("error", reject);
        response.once("end", () => resolve({ statusCode: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        // Cut off mid-body (the timeout, or the receiver closing): no answer, rather than a wait forever.
        response.once("close", () => {
          if (!response.complete) reject(Object.assign(new Error("The answer was cut off."), { code: "ECONNRESET" }));
        });
      });
      request.end(body);
    });
    return { statusCode: answer.statusCode, durationMs: elapsed(), excerpt: excerptOf(answer.body) };
  } catch (error) {
    return { statusCode: null, durationMs: elapsed(), excerpt: failureExcerpt(error, timeoutMs) };
  }
}
