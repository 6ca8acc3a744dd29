import "server-only";
import { customerResourceJson } from "@/lib/customers/customer-resource";
import { updateCustomer } from "@/lib/customers/update-customer";
import { parseJson, requireJson, type ApiResponse } from "../http";
import { answerIdempotently } from "../idempotent-request";
import { apiKeyAuditActor } from "../api-key-actor";
import type { PartnerApiContext } from "../api-context";

/** POST /api/customers/{customer_id}/update: replace whole sections of a pending customer. */
export async function updateCustomerHandler(context: PartnerApiContext): Promise<ApiResponse> {
  requireJson(context.request);
  return answerIdempotently(context, async (body, claim) => {
    const { customer } = await updateCustomer(
      {
        partnerId: context.partner.partnerId,
        actor: apiKeyAuditActor(context.partner),
      },
      context.params.customerId,
      parseJson(body),
      { idempotency: claim },
    );
    return { status: 200, body: customerResourceJson(customer) };
  });
}
