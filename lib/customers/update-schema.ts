/**
 * The vocabulary of fixing a pending customer: the Update Customer request (whole sections to
 * replace) and a reviewer's request for information. Browser-safe, like schema.ts: the API, the
 * OpenAPI document and the portal's forms read the same rules.
 */
import { z } from "zod";
import { withCode } from "./fields";
import {
  accountUsageSchema,
  businessDetailsSchema,
  businessPersonListSchema,
  primaryContactSchema,
  registrationAddressSchema,
} from "./schema";

/** The sections an update may replace, in the request's order; `partner_customer_id` is not one. */
export const UPDATABLE_SECTIONS = [
  "business_details",
  "registration_address",
  "account_usage",
  "primary_contact",
  "business_person_list",
] as const;
export type UpdatableSection = (typeof UPDATABLE_SECTIONS)[number];

export function isUpdatableSection(value: string): value is UpdatableSection {
  return (UPDATABLE_SECTIONS as readonly string[]).includes(value);
}

export const updateCustomerRequestSchema = z
  .strictObject({
    business_details: businessDetailsSchema.optional(),
    registration_address: registrationAddressSchema.optional(),
    account_usage: accountUsageSchema.optional(),
    primary_contact: primaryContactSchema.optional(),
    business_person_list: businessPersonListSchema.optional(),
  })
  .refine(
    (value) => UPDATABLE_SECTIONS.some((section) => value[section] !== undefined),
    withCode("required", "Send at least one section to replace."),
  )
  .meta({
    id: "UpdateCustomerRequest",
    description:
      "Whole sections to replace, each as in Create Customer; sections not sent are kept. `partner_customer_id` cannot be changed.",
  });

export type UpdateCustomerInput = z.input<typeof updateCustomerRequestSchema>;
export type UpdateCustomerRequest = z.output<typeof updateCustomerRequestSchema>;

export const REQUIREMENT_REASON_MIN = 3;
export const REQUIREMENT_REASON_MAX = 500;
export const MAX_REQUIREMENTS = 50;

/** A reviewer's request for information: fields or documents to fix, each with a note. */
export const requestInformationSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        field: z.string({ error: "Choose a field." }).min(1, { error: "Choose a field." }),
        reason: z
          .string({ error: "Give a note." })
          .trim()
          // One line: the audit trail keeps the notes one per line, in the order of the fields.
          .transform((value) => value.replaceAll(/\s+/g, " "))
          .pipe(
            z
              .string()
              .min(REQUIREMENT_REASON_MIN, {
                error: `Give a note of ${REQUIREMENT_REASON_MIN} to ${REQUIREMENT_REASON_MAX} characters.`,
              })
              .max(REQUIREMENT_REASON_MAX, { error: `At most ${REQUIREMENT_REASON_MAX} characters.` }),
          ),
      }),
    )
    .min(1, { error: "Choose at least one field or document to fix." })
    .max(MAX_REQUIREMENTS, { error: `At most ${MAX_REQUIREMENTS} items at once.` })
    .refine(
      (items) => new Set(items.map((item) => item.field)).size === items.length,
      withCode("duplicate", "Each field is listed once."),
    ),
});

export type RequestInformationInput = z.input<typeof requestInformationSchema>;
