/**
 * The vocabulary of fixing a pending customer: the Update Customer request (whole sections to
 * replace) and a reviewer's request for information. Browser-safe, like schema.ts: the API, the
 * OpenAPI document and the portal's forms read the same rules.
 */
import { z } from "zod";
import { zodMessage } from "@/lib/errors";
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
    withCode("required", "sendASection"),
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
        field: z.string({ error: zodMessage("chooseField") }).min(1, { error: zodMessage("chooseField") }),
        reason: z
          .string({ error: zodMessage("giveNote") })
          .trim()
          // One line: the audit trail keeps the notes one per line, in the order of the fields.
          .transform((value) => value.replaceAll(/\s+/g, " "))
          .pipe(
            z
              .string()
              .min(REQUIREMENT_REASON_MIN, {
                error: zodMessage("noteLength", { min: REQUIREMENT_REASON_MIN, max: REQUIREMENT_REASON_MAX }),
              })
              .max(REQUIREMENT_REASON_MAX, { error: zodMessage("atMostCharacters", { max: REQUIREMENT_REASON_MAX }) }),
          ),
      }),
    )
    .min(1, { error: zodMessage("chooseSomethingToFix") })
    .max(MAX_REQUIREMENTS, { error: zodMessage("atMostItems", { max: MAX_REQUIREMENTS }) })
    .refine(
      (items) => new Set(items.map((item) => item.field)).size === items.length,
      withCode("duplicate", "fieldListedTwice"),
    ),
});

export type RequestInformationInput = z.input<typeof requestInformationSchema>;
