/**
 * What POST /api/webhook_endpoints accepts and what the endpoint resource looks like. Browser-safe:
 * the OpenAPI document reads it. Checks the URL as written; resolving its host name to refuse
 * private addresses is the delivery worker's job, at every delivery (lib/webhooks/send.ts).
 */
import { z } from "zod";
import { zodMessage, type MessageKey } from "@/lib/errors";
import { EVENT_TYPES } from "@/lib/events/event-types";

export const MAX_WEBHOOK_URL_LENGTH = 2048;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Whether a URL's hostname names this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost") || host === "[::1]") return true;
  return IPV4.exec(host)?.[1] === "127";
}

/** Whether a hostname is an address literal that is not on the public internet. */
function isPrivateAddressLiteral(hostname: string): boolean {
  if (isLoopbackHost(hostname)) return true;
  const v4 = IPV4.exec(hostname);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
    );
  }
  // IPv6 literals: unique local (fc00::/7), link-local (fe80::/10), unspecified, IPv4-mapped.
  return /^\[(f[cd]|fe[89ab]|::(ffff:)?[0-9.]*\]|::\]$)/i.test(hostname);
}

export interface EndpointRules {
  /** WEBHOOKS_ALLOW_PRIVATE: plain http (and address literals) allowed on loopback only. */
  allowLoopback: boolean;
}

function urlSchema({ allowLoopback }: EndpointRules) {
  return z
    .string({ error: zodMessage("httpsUrl") })
    .max(MAX_WEBHOOK_URL_LENGTH, { error: zodMessage("mustBeAtMost", { max: MAX_WEBHOOK_URL_LENGTH }) })
    .superRefine((value, context) => {
      const refuse = (code: string, message: MessageKey) =>
        context.addIssue({ code: "custom", message: zodMessage(message), params: { code } });
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return refuse("invalid_url", "httpsUrl");
      }
      if (url.username || url.password) {
        return refuse("invalid_url", "noCredentialsInWebhookUrl");
      }
      const loopbackAllowed = allowLoopback && isLoopbackHost(url.hostname);
      if (url.protocol !== "https:" && !(url.protocol === "http:" && loopbackAllowed)) {
        return refuse("invalid_url", "httpsUrl");
      }
      if (!loopbackAllowed && isPrivateAddressLiteral(url.hostname)) {
        return refuse("invalid_url", "publicAddress");
      }
    });
}

const EVENT_TYPES_MESSAGE = zodMessage("oneOf", { values: EVENT_TYPES.join(", ") });

/** The body of POST /api/webhook_endpoints; event types come back without repeats, in the given order. */
export function createWebhookEndpointSchema(rules: EndpointRules = { allowLoopback: false }) {
  return z
    .strictObject({
      url: urlSchema(rules).meta({ example: "https://partner.example.com/axisfi/webhooks" }),
      event_types: z
        .array(z.enum(EVENT_TYPES, { error: EVENT_TYPES_MESSAGE }), { error: zodMessage("eventTypeList") })
        .min(1, { error: zodMessage("atLeastOneEventType") })
        .transform((types) => [...new Set(types)]),
    })
    .meta({ id: "CreateWebhookEndpointRequest" });
}

export type CreateWebhookEndpointInput = z.input<ReturnType<typeof createWebhookEndpointSchema>>;

export const webhookEndpointSchema = z
  .object({
    id: z.string().meta({ example: "we_0f8fad5bd9cb469fa1d0c6a1a1a1a1a1" }),
    url: z.string(),
    event_types: z.array(z.enum(EVENT_TYPES)),
    created_at: z.string().meta({ example: "2023-11-07T05:31:56Z" }),
  })
  .meta({ id: "WebhookEndpoint" });

export type WebhookEndpointResource = z.infer<typeof webhookEndpointSchema>;

export const createdWebhookEndpointSchema = webhookEndpointSchema
  .extend({
    secret: z.string().meta({
      description: "The signing secret (whsec_…). Shown only in this answer: keep it to verify signatures.",
      example: "whsec_2f1yJq0lM9Vd7hY3m0Zr8bXkR2c5nT6pQ1wE4aS7uIo",
    }),
  })
  .meta({ id: "CreatedWebhookEndpoint" });

export const webhookEndpointListSchema = z
  .object({ object: z.literal("list"), data: z.array(webhookEndpointSchema) })
  .meta({ id: "WebhookEndpointList" });

export const deletedWebhookEndpointSchema = z
  .object({ id: z.string(), deleted: z.literal(true) })
  .meta({ id: "DeletedWebhookEndpoint" });

export const rotatedWebhookSecretSchema = z
  .object({
    id: z.string().meta({ example: "we_0f8fad5bd9cb469fa1d0c6a1a1a1a1a1" }),
    secret: z.string().meta({
      description: "The new signing secret (whsec_…). Shown only in this answer.",
      example: "whsec_9a8sd7f6g5h4j3k2l1qwertyuiopasdfghjklzxcv",
    }),
    previous_secret_expires_at: z.string().meta({
      description: "Until when the previous secret still signs deliveries, beside the new one (24 hours)",
      example: "2023-11-08T05:31:56Z",
    }),
  })
  .meta({ id: "RotatedWebhookSecret" });

/** Endpoints in use per partner, as Stripe allows: enough for every real integration, and a bound on fan-out. */
export const MAX_ENDPOINTS_PER_PARTNER = 16;
