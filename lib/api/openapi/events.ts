import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { EVENT_TYPES, type EventType } from "@/lib/events/event-types";
import { eventListSchema } from "@/lib/events/resource-schema";
import { authErrors, errorResponses, security } from "./common";

/** A date (midnight UTC) or a date-time with Z or an offset, as the query is read. */
const DATE_OR_DATE_TIME = [{ format: "date" }, { format: "date-time" }];

export function registerEventPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/events",
    operationId: "listEvents",
    tags: ["Events"],
    summary: "List events",
    description:
      "What happened to your customers, newest first, one page at a time: `customer.created` and `customer.status_changed` (with `from_status` and `to_status`). Each event's `data.customer` is the customer exactly as `GET /api/customers/{customer_id}` answered at that moment. An event is recorded with its change, in the same transaction: every change has its event. Follow `next_cursor` until `has_more` is false.",
    security,
    request: {
      query: z.object({
        type: z.enum(EVENT_TYPES).optional(),
        created_after: z.string().optional().meta({
          anyOf: DATE_OR_DATE_TIME,
          description: "ISO 8601 date or date-time: only events whose `created_at` (to the second) is later",
        }),
        created_before: z.string().optional().meta({
          anyOf: DATE_OR_DATE_TIME,
          description: "ISO 8601 date or date-time: only events whose `created_at` (to the second) is earlier",
        }),
        limit: z.number().int().min(1).max(100).optional().meta({ description: "Page size, default 20" }),
        cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page" }),
      }),
    },
    responses: {
      200: { description: "A page of events", content: { "application/json": { schema: eventListSchema } } },
      ...errorResponses({
        400: { description: "Invalid query parameters (with `details` naming each one)", codes: ["validation_error"] },
        ...authErrors,
      }),
    },
  });
}

const WEBHOOK_DESCRIPTIONS: Partial<Record<EventType, string>> = {
  "customer.created": "A customer was created (with Create Customer or through the onboarding portal).",
  "customer.status_changed": "Compliance changed a customer's status; `data.from_status` and `data.to_status` say how.",
};

/**
 * OpenAPI 3.1 `webhooks`: one per event type, so that a new type is documented as soon as it is
 * listed in EVENT_TYPES. What is sent is the event of GET /api/events, whatever its type.
 */
export function registerEventWebhooks(registry: OpenAPIRegistry): void {
  for (const type of EVENT_TYPES) {
    registry.registerWebhook({
      method: "post",
      path: type,
      operationId: `${type.replace(/[._](\w)/g, (_, letter: string) => letter.toUpperCase())}Webhook`,
      tags: ["Webhooks"],
      summary: `Event ${type}`,
      description: `${WEBHOOK_DESCRIPTIONS[type] ?? `An event of type \`${type}\`.`}\n\n${WEBHOOK_DELIVERY}`,
      security: [],
      request: {
        headers: z.object({
          "AxisFI-Signature": z
            .string()
            .regex(/^t=\d+,v1=[0-9a-f]{64}/)
            .meta({
              description:
                'The signature of this delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, made with the endpoint\'s signing secret (`whsec_…`). Compute it over the raw body, compare in constant time, and refuse a delivery whose `t` is more than 5 minutes (300 s) from your clock. Parts other than `t` and `v1` may be added later: ignore them.',
              example: "t=1699335116,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
            }),
        }),
        body: {
          required: true,
          content: {
            "application/json": {
              schema: {
                allOf: [
                  { $ref: "#/components/schemas/Event" },
                  { type: "object", properties: { type: { type: "string", const: type } } },
                ],
              },
            },
          },
        },
      },
      responses: {
        "2XX": { description: "Any 2xx answer acknowledges the delivery; its body is ignored" },
        default: { description: "Any other answer, or none, is a failed delivery" },
      },
    });
  }
}

const WEBHOOK_DELIVERY = `Sent as a POST to each of your webhook endpoints subscribed to this type, with the event as the JSON body (the same object as in \`GET /api/events\`). Verify the \`AxisFI-Signature\` header before trusting it; the event \`id\` is unique, so a delivery received twice can be recognised.`;
