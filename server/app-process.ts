/**
 * One app process serving the portal on port 8083 (server/main.ts starts WEB_CONCURRENCY of them,
 * sharing the port). The partner API is answered here by a lean Node handler (measured: Next's
 * route-handler machinery costs more than half the throughput of Create Customer, see the README);
 * every other path goes to Next.
 */
import next from "next";
import { handlePartnerApi, isPartnerApiPath } from "@/lib/api/partner-api";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeError, logEvent } from "@/lib/log";
import { checkDataEncryptionKeys } from "@/lib/crypto/personal-data";
import { clientAddress } from "@/lib/net/client-address";
import { createBoundedServer } from "@/lib/net/http-server";
import { startDeliveryWorker } from "@/lib/webhooks/delivery-worker";

const SHUTDOWN_GRACE_MS = 10_000;

/** Serves until SIGTERM or SIGINT, then finishes the requests under way and exits. */
export async function serveApp({ dev }: { dev: boolean }): Promise<void> {
  // Auth.js builds its callback URLs from this; the portal is served from one known origin.
  process.env.NEXTAUTH_URL = env.publicUrl;
  checkDataEncryptionKeys();
  const app = next({ dev, hostname: env.HOST, port: env.PORT });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();

  const server = createBoundedServer((request, response) => {
    const pathname = (request.url ?? "/").split("?", 1)[0];
    if (isPartnerApiPath(pathname)) {
      void handlePartnerApi(request, response);
      return;
    }
    // The sign-in throttle counts failures per client address: the socket's, or what the trusted
    // proxies (TRUST_PROXY) say; never a value the client could choose.
    request.headers["x-axisfi-client-ip"] = clientAddress(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      env.TRUST_PROXY,
    );
    handleWithNext(request, response).catch((error: unknown) => {
      logEvent("error", "next_handler_failed", { path: pathname, ...describeError(error) });
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  server.listen(env.PORT, env.HOST, () => {
    logEvent("info", "listening", {
      url: `http://${env.HOST}:${env.PORT}`,
      mode: dev ? "development" : "production",
      pid: process.pid,
    });
  });

  // Every app process delivers webhooks: claims are leased rows (FOR UPDATE SKIP LOCKED), so
  // processes share the work without sending an attempt twice.
  const deliveries = startDeliveryWorker();

  // Requests under way finish (bounded by the server's own request timeout); idle keep-alive
  // connections close now, so that clients reconnect to a process that is staying. Deliveries in
  // flight are recorded (bounded by their 10 s timeout); none is claimed after this.
  const shutdown = () => {
    const deliveriesDone = deliveries.stop();
    server.close(() => {
      void deliveriesDone.finally(() => db.$disconnect()).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
