/**
 * The wizard's steps, each validated by the API's own section schema(s). Browser-safe: the forms
 * validate with these (loading them when they first validate, see
 * components/onboarding/step-validation.ts), and the server validates the same values again. The
 * steps' order and names are in ./wizard-steps, re-exported here.
 */
import { z } from "zod";
import {
  accountUsageSchema,
  businessDetailsSchema,
  businessPersonListSchema,
  partnerCustomerIdSchema,
  primaryContactSchema,
  registrationAddressSchema,
} from "@/lib/customers/schema";
import type { FormStep } from "./wizard-steps";

export * from "./wizard-steps";

export const STEP_SCHEMAS = {
  company: z.strictObject({ partner_customer_id: partnerCustomerIdSchema, business_details: businessDetailsSchema }),
  address: z.strictObject({ registration_address: registrationAddressSchema }),
  usage: z.strictObject({ account_usage: accountUsageSchema }),
  contact: z.strictObject({ primary_contact: primaryContactSchema }),
  representatives: z.strictObject({ business_person_list: businessPersonListSchema }),
} as const satisfies Record<FormStep, z.ZodType>;
