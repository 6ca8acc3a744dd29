import "server-only";
import { listPartnerEvents } from "@/lib/events/event-queries";
import { jsonResponse, type ApiResponse } from "../http";
import type { PartnerApiContext } from "../api-context";

/** GET /api/events?type=&created_after=&created_before=&limit=&cursor= */
export async function listEventsHandler(context: PartnerApiContext): Promise<ApiResponse> {
  const query = Object.fromEntries(context.url.searchParams);
  return jsonResponse(200, await listPartnerEvents(context.partner.partnerId, query));
}
