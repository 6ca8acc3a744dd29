import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { eventListSchema } from "@/lib/events/resource-schema";
import { authErrors, errorResponses, security } from "./common";

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
          description: "ISO 8601 date or date-time: only events whose `created_at` (to the second) is later",
        }),
        created_before: z.string().optional().meta({
          description: "ISO 8601 date or date-time: only events whose `created_at` (to the second) is earlier",
        }),
        limit: z.number().int().min(1).max(100).optional().meta({ description: "Page size, default 20" }),
        cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page" }),
      }),
    },
    responses: {
      200: { description: "A page of events", content: { "application/json": { schema: eventListSchema } } },
      ...errorResponses({ 400: "Invalid query parameters (`validation_error` naming each one)", ...authErrors }),
    },
  });
}
