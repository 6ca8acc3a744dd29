import "server-only";
import http from "node:http";

/** How long a client may take. A slow-loris client (headers or body dribbled in) is cut off. */
export interface ServerTimeouts {
  /** All request headers must arrive within this. */
  headersMs: number;
  /** The whole request, body included (a 10 MB upload too), must arrive within this. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000 };

/** An HTTP server with every client-controlled wait bounded. */
export function createBoundedServer(
  handler: http.RequestListener,
  timeouts: ServerTimeouts = SERVER_TIMEOUTS,
): http.Server {
  const server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // Node checks the two timeouts above on this interval; the default (30 s) would let a
      // slow client hold its socket that much longer.
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
      // Keeps a flood of header lines from costing memory before the headers timeout ends it.
      maxHeaderSize: 16 * 1024,
    },
    handler,
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  // A socket that goes quiet mid-response (a reader that stopped reading) is closed too.
  server.setTimeout(timeouts.requestMs);
  return server;
}
