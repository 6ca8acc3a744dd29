/**
 * The event resource of GET /api/events and of webhook deliveries. Browser-safe; it types the
 * list and documents the response and the webhooks in OpenAPI.
 */
import { z } from "zod";
import { CUSTOMER_STATUSES } from "@/lib/customers/schema";
import { customerResourceSchema, listPageSchema } from "@/lib/customers/resource-schema";
import { EVENT_TYPES } from "./event-types";

export const eventResourceSchema = z
  .object({
    id: z.string().meta({ pattern: "^evt_[0-9a-f]{32}$", example: "evt_0f8fad5bd9cb469fa1d0c6a1a1a1a1a1" }),
    type: z.enum(EVENT_TYPES),
    created_at: z.string().meta({
      format: "date-time",
      pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$",
      example: "2023-11-07T05:31:56Z",
    }),
    data: z.object({
      customer: customerResourceSchema.meta({
        description:
          "The customer exactly as GET /api/customers/{customer_id} answered when the event happened; on customer.information_requested, its `requirements.currently_due` lists what compliance asks to fix",
      }),
      from_status: z
        .enum(CUSTOMER_STATUSES)
        .optional()
        .meta({ description: "customer.status_changed only: the status before" }),
      to_status: z
        .enum(CUSTOMER_STATUSES)
        .optional()
        .meta({ description: "customer.status_changed only: the status after" }),
      changed_fields: z.array(z.string()).optional().meta({
        description:
          "customer.updated only: the API paths of the fields whose value changed (e.g. `business_person_list.0.identification.id_document_back_file_id`)",
      }),
    }),
  })
  .meta({ id: "Event" });

export type EventResource = z.infer<typeof eventResourceSchema>;

export const eventListSchema = listPageSchema(eventResourceSchema, "EventList");
