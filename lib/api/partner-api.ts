import "server-only";
import { newId } from "@/lib/ids";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { HSTS, isHttpsUrl } from "@/lib/security/headers";
import { AppError } from "@/lib/errors";
import { describeError, logEvent } from "@/lib/log";
import { authenticateApiKey } from "@/lib/partners/api-keys";
import { localeFromAcceptLanguage } from "@/lib/i18n/negotiate";
import type { ApiContext, PartnerApiContext } from "./api-context";
import { errorResponse, internalError, localizedAnswer, storableErrorResponse } from "./error-response";
import { rateLimited, rateLimitOf, takeToken } from "./rate-limits";
import { abandonedBodies, headerValue, lingerThenClose, type ApiResponse } from "./http";
import { createCustomerHandler } from "./handlers/create-customer";
import { validateCustomerHandler } from "./handlers/validate-customer";
import { getCustomerHandler, listCustomersHandler } from "./handlers/customers";
import { updateCustomerHandler } from "./handlers/update-customer";
import { uploadFileHandler } from "./handlers/upload-file";
import { listEventsHandler } from "./handlers/events";
import { createOnboardingLinkHandler } from "./handlers/onboarding-links";
import {
  createWebhookEndpointHandler,
  deleteWebhookEndpointHandler,
  listWebhookEndpointsHandler,
  rotateWebhookEndpointSecretHandler,
} from "./handlers/webhook-endpoints";
import { healthHandler, openApiHandler } from "./handlers/public";

type Route =
  | { method: string; path: RegExp; auth: true; handler: (context: PartnerApiContext) => Promise<ApiResponse> }
  | { method: string; path: RegExp; auth: false; handler: (context: ApiContext) => Promise<ApiResponse> };

/** The partner API: every route goes through `handlePartnerApi`, which authenticates, logs and maps errors. */
const ROUTES: Route[] = [
  { method: "POST", path: /^\/api\/customers\/create$/, auth: true, handler: createCustomerHandler },
  { method: "POST", path: /^\/api\/customers\/validate$/, auth: true, handler: validateCustomerHandler },
  { method: "GET", path: /^\/api\/customers$/, auth: true, handler: listCustomersHandler },
  {
    method: "GET",
    path: /^\/api\/customers\/(?<customerId>(?!(?:create|validate)$)[^/]+)$/,
    auth: true,
    handler: getCustomerHandler,
  },
  {
    method: "POST",
    path: /^\/api\/customers\/(?<customerId>[^/]+)\/update$/,
    auth: true,
    handler: updateCustomerHandler,
  },
  { method: "POST", path: /^\/api\/files\/upload$/, auth: true, handler: uploadFileHandler },
  { method: "GET", path: /^\/api\/events$/, auth: true, handler: listEventsHandler },
  { method: "POST", path: /^\/api\/webhook_endpoints$/, auth: true, handler: createWebhookEndpointHandler },
  { method: "GET", path: /^\/api\/webhook_endpoints$/, auth: true, handler: listWebhookEndpointsHandler },
  {
    method: "DELETE",
    path: /^\/api\/webhook_endpoints\/(?<endpointId>[^/]+)$/,
    auth: true,
    handler: deleteWebhookEndpointHandler,
  },
  {
    method: "POST",
    path: /^\/api\/webhook_endpoints\/(?<endpointId>[^/]+)\/rotate_secret$/,
    auth: true,
    handler: rotateWebhookEndpointSecretHandler,
  },
  { method: "POST", path: /^\/api\/onboarding_links$/, auth: true, handler: createOnboardingLinkHandler },
  { method: "GET", path: /^\/api\/health$/, auth: false, handler: healthHandler },
  { method: "GET", path: /^\/api\/openapi\.json$/, auth: false, handler: openApiHandler },
];

/** Paths under /api that belong to the web app (Auth.js, the portal's uploads), not to the partner API. */
const WEB_APP_API = /^\/api\/(auth|portal)(\/|$)/;

export function isPartnerApiPath(pathname: string): boolean {
  return pathname.startsWith("/api/") && !WEB_APP_API.test(pathname);
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function requestIdOf(request: IncomingMessage): string {
  const given = headerValue(request, "x-request-id");
  return given && REQUEST_ID.test(given) ? given : newId("req");
}

function unauthorized(): AppError {
  // The same answer for a missing, unknown, wrong or revoked key: nothing to learn from it.
  return new AppError("unauthorized", 401, "invalidApiCredentials");
}

/** What the handler learns while routing, kept for the answer even when routing throws. */
interface Seen {
  partnerId: string | null;
  /** RateLimit-* (and Retry-After) headers of an authenticated request. */
  rateLimitHeaders: Record<string, string>;
}

async function route(request: IncomingMessage, url: URL, requestId: string, seen: Seen): Promise<ApiResponse> {
  const matching = ROUTES.map((candidate) => ({ candidate, match: candidate.path.exec(url.pathname) })).filter(
    (entry) => entry.match !== null,
  );
  if (matching.length === 0) throw new AppError("not_found", 404, "noSuchEndpoint");
  const found = matching.find((entry) => entry.candidate.method === request.method);
  if (!found) {
    const allow = matching.map((entry) => entry.candidate.method).join(", ");
    const error = new AppError("method_not_allowed", 405, { key: "useMethods", values: { methods: allow } });
    // Said in the caller's language by handlePartnerApi, like every handler's own error answer.
    return { ...storableErrorResponse(error, requestId), headers: { Allow: allow } };
  }
  const params = { ...found.match?.groups };
  const context: ApiContext = { request, url, requestId, params };
  if (!found.candidate.auth) return found.candidate.handler(context);
  const partner = await authenticateApiKey(headerValue(request, "x-api-key"), headerValue(request, "x-api-secret"));
  if (!partner) throw unauthorized();
  seen.partnerId = partner.partnerId;
  // Per partner, after authentication: an unauthenticated request is refused anyway and counts for
  // no partner. A key revoked since this process cached it is refused here.
  const decision = await takeToken(partner, rateLimitOf(partner.partnerRateLimit));
  if (!decision) throw unauthorized();
  seen.rateLimitHeaders = decision.headers;
  if (!decision.allowed) throw rateLimited();
  return found.candidate.handler({ ...context, partner });
}

/** Serves one partner API request on the Node server, in front of Next. */
export async function handlePartnerApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const started = process.hrtime.bigint();
  const requestId = requestIdOf(request);
  const url = new URL(request.url ?? "/", "http://localhost");
  const seen: Seen = { partnerId: null, rateLimitHeaders: {} };
  // Error messages in the caller's language (English unless it asks for Chinese); codes never
  // change. Negotiated only for an error: a success answer has no words to translate.
  const language = () => localeFromAcceptLanguage(headerValue(request, "accept-language"));
  let result: ApiResponse;
  try {
    result = await route(request, url, requestId, seen);
    // A handler's own error answers (refusals kept under an Idempotency-Key, replays) are said here.
    if (result.status >= 400) result = localizedAnswer(result, language());
  } catch (error) {
    if (error instanceof AppError) {
      result = errorResponse(error, requestId, language());
    } else {
      logEvent("error", "unhandled_error", { request_id: requestId, path: url.pathname, ...describeError(error) });
      result = errorResponse(internalError(), requestId, language());
    }
  }
  const headers: Record<string, string> = {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    // JSON is never a document to render or frame; on https, browsers are told to stay on it.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    ...(isHttpsUrl(env.publicUrl) ? { "Strict-Transport-Security": HSTS } : {}),
    "Content-Length": String(Buffer.byteLength(result.body)),
    "X-Request-Id": requestId,
    ...seen.rateLimitHeaders,
    ...result.headers,
  };
  // A body we refused part-way is not drained: the connection is closed after a short linger.
  const abandoned = abandonedBodies.has(request);
  if (abandoned) headers.Connection = "close";
  else if (!request.readableEnded) request.resume();
  response.writeHead(result.status, headers);
  response.end(result.body);
  if (abandoned) lingerThenClose(request, response);
  if (env.LOG_REQUESTS) {
    logEvent("info", "request", {
      request_id: requestId,
      method: request.method,
      path: url.pathname,
      status: result.status,
      duration_ms: Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(2)),
      partner_id: seen.partnerId,
    });
  }
}
