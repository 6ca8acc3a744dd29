/**
 * What POST /api/onboarding_links accepts and answers. Browser-safe: the OpenAPI document reads
 * it. The prefill is checked by the API's own section schemas: each section given must be valid
 * as the create body would hold it, and no other field is accepted.
 */
import { z } from "zod";
import { zodMessage, type MessageKey } from "@/lib/errors";
import { isLoopbackHost } from "@/lib/webhooks/endpoint-schema";
import {
  accountUsageSchema,
  businessDetailsSchema,
  businessPersonListSchema,
  partnerCustomerIdSchema,
  primaryContactSchema,
  registrationAddressSchema,
} from "@/lib/customers/schema";

/** An unopened link stops working this long after it was made. */
export const LINK_TTL_MS = 10 * 60 * 1000;
/** Once opened, the business's session on that one form lasts this long. */
export const LINK_SESSION_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_LINK_URL_LENGTH = 2048;

/**
 * Where the business is sent back: https, without credentials; plain http only on this machine
 * (localhost, 127.0.0.0/8, ::1), for a partner trying the flow locally.
 */
const redirectUrlSchema = z
  .string({ error: zodMessage("httpsUrl") })
  .max(MAX_LINK_URL_LENGTH, { error: zodMessage("mustBeAtMost", { max: MAX_LINK_URL_LENGTH }) })
  .superRefine((value, context) => {
    const refuse = (message: MessageKey) =>
      context.addIssue({ code: "custom", message: zodMessage(message), params: { code: "invalid_url" } });
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return refuse("httpsUrl");
    }
    if (url.username || url.password) return refuse("noCredentialsInUrl");
    if (url.protocol === "https:") return;
    if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return;
    return refuse("httpsUrlOrLocalhost");
  });

/** The create body's sections, each optional; a given section is checked as the create body checks it. */
export const onboardingPrefillSchema = z
  .strictObject({
    business_details: businessDetailsSchema.optional(),
    registration_address: registrationAddressSchema.optional(),
    account_usage: accountUsageSchema.optional(),
    primary_contact: primaryContactSchema.optional(),
    business_person_list: businessPersonListSchema.optional(),
  })
  .meta({
    description:
      "Sections of the Create Customer body to fill in for the business; each section given must be valid on its own. `partner_customer_id` is the link's own, not given here.",
  });

export const createOnboardingLinkSchema = z
  .strictObject({
    partner_customer_id: partnerCustomerIdSchema,
    return_url: redirectUrlSchema.meta({
      description:
        "Where the business is sent (303) once it has submitted. https; http only for localhost. Nothing is appended.",
      example: "https://partner.example.com/onboarding/done",
    }),
    refresh_url: redirectUrlSchema.meta({
      description:
        "Where the business is sent when the link has expired or was already used, so that you can make a new one. https; http only for localhost.",
      example: "https://partner.example.com/onboarding/new-link",
    }),
    locale: z
      .string({ error: zodMessage("languageTag") })
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { error: zodMessage("languageTag") })
      .optional()
      .meta({
        description:
          "The business's language (BCP 47). The wizard opens in the closest language it has (English `en` or Simplified Chinese `zh-CN`; any Chinese tag gives Simplified Chinese, a language it does not have gives English); the business can still switch.",
      }),
    prefill: onboardingPrefillSchema.optional(),
  })
  .meta({ id: "CreateOnboardingLinkRequest" });

export type CreateOnboardingLinkInput = z.input<typeof createOnboardingLinkSchema>;

export const onboardingLinkResourceSchema = z
  .object({
    url: z.string().meta({
      description: "The link to give the business: single use, valid for 10 minutes until it is opened.",
      example: "https://onboarding.axisfi.example/onboard/3q2-7wEjZ9u0sA9s8dTqKc4bB1Y2lKZt0mXyQpR5vWc",
    }),
    expires_at: z.string().meta({
      description: "When the link stops working if not opened (ISO 8601, UTC, to the second).",
      example: "2026-11-25T10:10:00Z",
    }),
  })
  .meta({ id: "OnboardingLink" });

export type OnboardingLinkResource = z.infer<typeof onboardingLinkResourceSchema>;
