/**
 * The one process that serves the portal on port 8083. The partner API is answered here by a
 * lean Node handler (measured: Next's route-handler machinery costs more than half the
 * throughput of Create Customer, see the README); every other path goes to Next.
 */
import "./load-env";
import next from "next";
import { handlePartnerApi, isPartnerApiPath } from "@/lib/api/partner-api";
import { db, flushOverwrittenData, prepareDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { purgeExpiredResponses } from "@/lib/idempotency/idempotency-keys";
import { purgeExpiredSignInFailures } from "@/lib/auth/sign-in-throttle";
import { describeError, logEvent } from "@/lib/log";
import { checkDataEncryptionKeys } from "@/lib/crypto/personal-data";
import { sealLegacyPersonalData } from "@/lib/crypto/seal-legacy-rows";
import { activeDemoCredentials } from "@/lib/demo/demo-data";
import { clientAddress } from "@/lib/net/client-address";
import { createBoundedServer } from "@/lib/net/http-server";

const PURGE_EVERY_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  // Auth.js builds its callback URLs from this; the portal is served from one known origin.
  process.env.NEXTAUTH_URL = env.publicUrl;
  checkDataEncryptionKeys();
  await prepareDatabase();
  const sealed = await sealLegacyPersonalData();
  if (sealed.idNumbers + sealed.responses + sealed.drafts > 0) {
    await flushOverwrittenData();
    logEvent("info", "sealed_legacy_personal_data", {
      id_numbers: sealed.idNumbers,
      responses: sealed.responses,
      drafts: sealed.drafts,
    });
  }
  await warnAboutDemoCredentials();
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

  const purge = () =>
    Promise.all([
      purgeExpiredResponses().catch((error: unknown) =>
        logEvent("warn", "idempotency_purge_failed", describeError(error)),
      ),
      purgeExpiredSignInFailures().catch((error: unknown) =>
        logEvent("warn", "sign_in_failure_purge_failed", describeError(error)),
      ),
    ]);
  void purge();
  setInterval(purge, PURGE_EVERY_MS).unref();

  server.listen(env.PORT, env.HOST, () => {
    logEvent("info", "listening", { url: `http://${env.HOST}:${env.PORT}`, mode: dev ? "development" : "production" });
  });

  const shutdown = () => {
    server.close(() => {
      void db.$disconnect().finally(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

/**
 * A production server on a public URL with the README's demo credentials still working is open
 * to anyone who has read the README: one loud line at every start until they are gone.
 */
async function warnAboutDemoCredentials(): Promise<void> {
  if (env.NODE_ENV !== "production" || !env.publicUrlConfigured) return;
  const active = await activeDemoCredentials();
  if (active.length === 0) return;
  logEvent("warn", "demo_credentials_active", {
    message: `DEMO CREDENTIALS ARE ACTIVE on ${env.publicUrl}: ${active.join(", ")}. Revoke the demo key and disable the demo accounts (or start a new database with SEED_DEMO=false).`,
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
