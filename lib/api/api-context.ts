import "server-only";
import type { IncomingMessage } from "node:http";
import type { ApiKeyPrincipal } from "@/lib/partners/api-keys";

/**
 * What a handler is given for one request. Below both the router (partner-api.ts) and the
 * handlers, so the router imports the handlers and nothing imports back.
 */
export interface ApiContext {
  request: IncomingMessage;
  url: URL;
  requestId: string;
  params: Record<string, string>;
}

/** A request whose API key was authenticated, and the partner it belongs to. */
export interface PartnerApiContext extends ApiContext {
  partner: ApiKeyPrincipal;
}
