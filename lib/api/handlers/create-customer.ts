import "server-only";
import { createCustomer } from "@/lib/customers/create-customer";
import { customerResourceJson } from "@/lib/customers/customer-resource";
import type { IdempotencyClaim } from "@/lib/idempotency/idempotency-keys";
import { parseJson, requireJson, type ApiResponse } from "../http";
import { answerIdempotently } from "../idempotent-request";
import { apiKeyAuditActor } from "../api-key-actor";
import type { PartnerApiContext } from "../api-context";

async function create(context: PartnerApiContext, body: Buffer, claim?: IdempotencyClaim): Promise<ApiResponse> {
  const resource = await createCustomer(
    parseJson(body),
    {
      partnerId: context.partner.partnerId,
      actor: apiKeyAuditActor(context.partner),
    },
    { idempotency: claim },
  );
  return { status: 200, body: customerResourceJson(resource) };
}

/** POST /api/customers/create */
export async function createCustomerHandler(context: PartnerApiContext): Promise<ApiResponse> {
  requireJson(context.request);
  return answerIdempotently(context, (body, claim) => create(context, body, claim));
}
