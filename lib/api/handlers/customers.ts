import "server-only";
import { getPartnerCustomer, listPartnerCustomers } from "@/lib/customers/customer-queries";
import { jsonResponse, type ApiResponse } from "../http";
import type { PartnerApiContext } from "../api-context";

/** GET /api/customers/{customer_id} */
export async function getCustomerHandler(context: PartnerApiContext): Promise<ApiResponse> {
  return jsonResponse(200, await getPartnerCustomer(context.partner.partnerId, context.params.customerId));
}

/** GET /api/customers?status=&limit=&cursor= */
export async function listCustomersHandler(context: PartnerApiContext): Promise<ApiResponse> {
  const query = Object.fromEntries(context.url.searchParams);
  return jsonResponse(200, await listPartnerCustomers(context.partner.partnerId, query));
}
