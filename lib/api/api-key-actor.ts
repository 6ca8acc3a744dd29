import "server-only";
import type { AuditActor } from "@/lib/audit/audit-events";
import { apiKeyActorLabel } from "@/lib/audit/audit-words";

/** The partner's API key that sent a request, as the audit trail names the actor of what it changes. */
export function apiKeyAuditActor(key: { apiKeyId: string; publicKey: string }): AuditActor {
  return { type: "api_key", id: key.apiKeyId, label: apiKeyActorLabel(key.publicKey) };
}
