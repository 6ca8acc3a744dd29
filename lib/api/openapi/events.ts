import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { EVENT_TYPES, type EventType } from "@/lib/events/event-types";
import { eventListSchema } from "@/lib/events/resource-schema";
import { authErrors, errorResponses, security } from "./common";
import { DELIVERY } from "./webhooks";

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
      "What happened to your customers, newest first, one page at a time: `customer.created`; `customer.status_changed` (with `from_status` and `to_status`); `customer.information_requested` (compliance asks for fixes, listed in the customer's `requirements`); `customer.updated` (with `changed_fields`). Each event's `data.customer` is the customer exactly as `GET /api/customers/{customer_id}` answered at that moment. An event is recorded with its change, in the same transaction: every change has its event. Follow `next_cursor` until `has_more` is false.",
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

const WEBHOOK_DESCRIPTIONS: Record<EventType, string> = {
  "customer.created":
    "A customer was created (with Create Customer, through the onboarding portal or a hosted onboarding link).",
  "customer.status_changed":
    "Compliance changed a customer's status (approved, rejected, suspended or reactivated it); `data.from_status` and `data.to_status` say how.",
  "customer.information_requested":
    "Compliance asked for fields or documents of a pending customer to be fixed, instead of rejecting it; its status stays `pending`. `data.customer.requirements.currently_due` lists every item now due, each with the API path of its `field` and the reviewer's `reason`, and `requirements.requested_at` says when. Fix them with `POST /api/customers/{customer_id}/update` (or a hosted onboarding link).",
  "customer.updated":
    "A pending customer was updated with `POST /api/customers/{customer_id}/update`. `data.changed_fields` lists the API paths of the fields whose value changed (empty when the update changed nothing), and `data.customer` is the customer after the update, whose `requirements.currently_due` no longer holds the items those changes cleared.",
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
      description: `${WEBHOOK_DESCRIPTIONS[type]}\n\n${DELIVERY}`,
      security: [],
      request: {
        headers: z.object({
          "AxisFI-Signature": z
            .string()
            .regex(/^t=\d+,v1=[0-9a-f]{64}/)
            .meta({
              description:
                'The signature of this delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, made with the endpoint\'s signing secret (`whsec_…`); for 24 hours after a rotation, two `v1=` values (accept the delivery if either matches). Compute it over the raw body, compare in constant time, and refuse a delivery whose `t` is more than 5 minutes (300 s) from your clock. Parts other than `t` and `v1` may be added later: ignore them.',
              example: "t=1699335116,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
            }),
          "AxisFI-Event-Id": z.string().meta({ description: "The event's `id`: deduplicate on it" }),
          "AxisFI-Delivery-Attempt": z
            .string()
            .meta({ description: "1 for the first attempt, 2 for the first retry, …" }),
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
