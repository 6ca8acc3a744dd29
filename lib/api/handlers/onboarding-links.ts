import "server-only";
import { createOnboardingLink } from "@/lib/onboarding-links/links";
import { MAX_JSON_BODY_BYTES, jsonResponse, parseJson, readBody, requireJson, type ApiResponse } from "../http";
import type { PartnerApiContext } from "../api-context";

/** POST /api/onboarding_links */
export async function createOnboardingLinkHandler(context: PartnerApiContext): Promise<ApiResponse> {
  requireJson(context.request);
  const body = await readBody(context.request, MAX_JSON_BODY_BYTES);
  const { partner } = context;
  return jsonResponse(
    200,
    await createOnboardingLink(
      { partnerId: partner.partnerId, apiKeyId: partner.apiKeyId, publicKey: partner.publicKey },
      parseJson(body),
    ),
  );
}
