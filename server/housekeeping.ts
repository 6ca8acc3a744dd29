import { purgeExpiredSignInFailures } from "@/lib/auth/sign-in-throttle";
import { activeDemoCredentials } from "@/lib/demo/demo-data";
import { env } from "@/lib/env";
import { purgeExpiredClaims, purgeExpiredResponses } from "@/lib/idempotency/idempotency-keys";
import { describeError, logEvent } from "@/lib/log";
import { purgeStaleLinkData } from "@/lib/onboarding-links/links";
import { purgeOldDeliveries } from "@/lib/webhooks/deliveries";

/**
 * Purges expired idempotent responses, Idempotency-Key claims left by processes that died,
 * sign-in failure counts, webhook deliveries finished over 30 days ago and the form data of
 * onboarding links past their use now and then, once for all app processes.
 */
export function startHousekeeping(everyMs: number): void {
  const purge = () =>
    Promise.all([
      purgeExpiredResponses().catch((error: unknown) =>
        logEvent("warn", "idempotency_purge_failed", describeError(error)),
      ),
      purgeExpiredClaims().catch((error: unknown) =>
        logEvent("warn", "idempotency_claim_purge_failed", describeError(error)),
      ),
      purgeExpiredSignInFailures().catch((error: unknown) =>
        logEvent("warn", "sign_in_failure_purge_failed", describeError(error)),
      ),
      purgeOldDeliveries().catch((error: unknown) =>
        logEvent("warn", "webhook_delivery_purge_failed", describeError(error)),
      ),
      purgeStaleLinkData().catch((error: unknown) =>
        logEvent("warn", "onboarding_link_purge_failed", describeError(error)),
      ),
    ]);
  void purge();
  setInterval(purge, everyMs).unref();
}

/**
 * A production server on a public URL with the README's demo credentials still working is open
 * to anyone who has read the README: one loud line at every start until they are gone.
 */
export async function warnAboutDemoCredentials(): Promise<void> {
  if (env.NODE_ENV !== "production" || !env.publicUrlConfigured) return;
  const active = await activeDemoCredentials();
  if (active.length === 0) return;
  logEvent("warn", "demo_credentials_active", {
    message: `DEMO CREDENTIALS ARE ACTIVE on ${env.publicUrl}: ${active.join(", ")}. Revoke the demo key and disable the demo accounts (or start a new database with SEED_DEMO=false).`,
  });
}
