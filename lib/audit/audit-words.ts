/**
 * Naming what the audit trail recorded in the reader's language. Events keep the words they were
 * written with (an actor's label, a sign-in failure's reason, the client address); the pages name
 * them from a catalog by the actor's type and id, or by a code read from the recorded words, here
 * in one place. Browser-safe: no database, no server-only imports.
 */
import type { AuditActor } from "./audit-event-types";

/** A translator for the `common` catalog's `actors` (`getTranslations("common.actors")`). */
export type ActorWords = (key: string, values?: Record<string, string>) => string;

/** The recorded label of an API key's actor: the key's public id is kept only there. */
export function apiKeyActorLabel(publicKey: string): string {
  return `API key ${publicKey}`;
}

/** The recorded label of an email no account has: only a keyed hash of it, never the email. */
export function unknownEmailActorLabel(hash: string): string {
  return `Unknown email (keyed hash ${hash})`;
}

/** The actors that are the portal's own tools, by id: a key of the `common.actors` catalog. */
const SYSTEM_ACTORS: Record<string, string> = { cli: "commandLine", setup: "setup", "demo-seed": "demoSeed" };

/**
 * Who did it, in the reader's language where the recorded label is the portal's own words (AxisFI
 * compliance, an unknown email, an API key, the command line, setup, an onboarding link); a
 * person's name and email as recorded; anything else as recorded.
 */
export function actorLabel(actor: AuditActor, t: ActorWords): string {
  if (actor.type === "user") {
    if (actor.id === "compliance") return t("compliance");
    if (actor.id === "unknown") {
      const hash = /^Unknown email \(keyed hash ([0-9a-f]+)\)$/.exec(actor.label);
      return hash ? t("unknownEmail", { hash: hash[1] }) : actor.label;
    }
    return actor.label;
  }
  if (actor.type === "api_key") {
    const key = /^API key (\S+)$/.exec(actor.label);
    return key ? t("apiKey", { key: key[1] }) : actor.label;
  }
  if (Object.hasOwn(SYSTEM_ACTORS, actor.id)) return t(SYSTEM_ACTORS[actor.id]);
  if (actor.id.startsWith("olink_")) return t("onboardingLink", { link: actor.id });
  return actor.label;
}

/**
 * Why a sign-in failed, by code (a key of the `settings` catalog's `admin.signInFailures`), and
 * the words the audit trail records for it (kept as they always were, so old and new rows read
 * the same).
 */
export const SIGN_IN_FAILURE_REASONS = {
  unknown_email: "unknown email",
  account_disabled: "account disabled",
  wrong_password: "wrong password",
} as const;
export type SignInFailure = keyof typeof SIGN_IN_FAILURE_REASONS;

/** The code of a recorded sign-in failure reason; null for any other reason. */
export function signInFailureOf(reason: string | null | undefined): SignInFailure | null {
  for (const [code, words] of Object.entries(SIGN_IN_FAILURE_REASONS)) {
    if (reason === words || reason === code) return code as SignInFailure;
  }
  return null;
}

/** The subject a sign-in event records: the address the attempt came from. */
export function clientAddressSubject(address: string): string {
  return `client address ${address}`;
}

/** The address of a sign-in event's subject; null for any other subject. */
export function clientAddressOf(subject: string | null | undefined): string | null {
  return subject?.startsWith("client address ") ? subject.slice("client address ".length) : null;
}

/** A partner's API rate limit as a rate-limit change records it; null is the default limit. */
export type RecordedRateLimit = { perSecond: number; burst: number } | null;

/** The subject a rate-limit change records: the new limit, or "default". */
export function rateLimitSubject(limit: RecordedRateLimit): string {
  return limit ? `${limit.perSecond}/s, burst ${limit.burst}` : "default";
}

/** The limit a rate-limit change's subject records (null: the default); undefined for any other subject. */
export function rateLimitOf(subject: string | null | undefined): RecordedRateLimit | undefined {
  if (subject === "default") return null;
  const limit = /^(\d+)\/s, burst (\d+)$/.exec(subject ?? "");
  return limit ? { perSecond: Number(limit[1]), burst: Number(limit[2]) } : undefined;
}
