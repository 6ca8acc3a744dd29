/**
 * The audit trail's vocabulary: what an event is and who did it. Browser-safe (no database, no
 * server-only imports), so the timeline and the administration page's components can name these
 * types; recording and reading events stays in audit-events.ts.
 */
/** Who did something: a person, a partner's API key, or the portal's own tools (the CLI). */
export interface AuditActor {
  type: "user" | "api_key" | "system";
  id: string;
  /** As people read it, kept as it was then: "Robin Reviewer <reviewer@axisfi.example>", or the key's public id. */
  label: string;
}

export type AuditAction =
  | "customer.created"
  | "customer.approved"
  | "customer.rejected"
  | "customer.suspended"
  | "customer.reactivated"
  | "customer.information_requested"
  | "customer.updated"
  | "document.viewed"
  | "identity.revealed"
  | OnboardingLinkAction
  | SecurityAction;

/**
 * A hosted onboarding link's life (lib/onboarding-links/): minted by a partner's API key, opened
 * by the business (its actor is the link: type "system", id olink_…), then submitted.
 */
export type OnboardingLinkAction = "onboarding_link.created" | "onboarding_link.opened" | "onboarding_link.submitted";

/**
 * Events about access itself: who may sign in, with what, for which partner; and where a
 * partner's events are sent (webhook endpoints, their signing secrets, test events).
 */
export const SECURITY_ACTIONS = [
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.throttled",
  "account.created",
  "account.role_changed",
  "account.disabled",
  "account.enabled",
  "partner.created",
  "partner.rate_limit_changed",
  "api_key.created",
  "api_key.revoked",
  "webhook_endpoint.created",
  "webhook_endpoint.secret_rotated",
  "webhook_endpoint.deleted",
  "webhook_endpoint.test_sent",
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

/**
 * The administration page's filter: each kind of security event by the first part of its action
 * (named in the `settings` catalog).
 */
export const SECURITY_EVENT_KINDS = ["sign_in", "account", "partner", "api_key", "webhook_endpoint"] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export function isSecurityEventKind(value: unknown): value is SecurityEventKind {
  return typeof value === "string" && (SECURITY_EVENT_KINDS as readonly string[]).includes(value);
}

/** The command line (scripts/partner.ts), as the actor of what it changes. */
export const CLI_ACTOR: AuditActor = { type: "system", id: "cli", label: "Command line (npm run partner)" };

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  /** Null for events about access itself (sign-ins, keys, accounts), which concern no customer. */
  customerId?: string | null;
  partnerId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  /** What the event was about inside the customer (a file id, a person's position); never personal data. */
  subject?: string | null;
  /**
   * The API paths of the fields the event is about, never their values: those an update changed,
   * or those a request for information asks for (its notes are the reason, one line per field).
   */
  fields?: readonly string[];
}

export interface AuditEvent extends Omit<AuditEntry, "customerId" | "partnerId" | "fields"> {
  id: string;
  fields: string[];
  at: Date;
  customerId: string | null;
  partnerId: string | null;
}
