/**
 * The customer resource the API answers with: the normalised request plus what AxisFI assigned.
 * Optional fields the partner did not give come back as null, so the shape never changes.
 * Browser-safe; it types the serializer and documents the response in OpenAPI.
 */
import { z } from "zod";
import { CUSTOMER_STATUSES } from "./schema";

const text = z.string();
const nullableText = z.string().nullable();
const timestamp = z.string().meta({
  format: "date-time",
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$",
  description: "ISO 8601 UTC, to the second",
  example: "2023-11-07T05:31:56Z",
});
const nullableTimestamp = timestamp.nullable();
const country = z
  .string()
  .meta({ pattern: "^[A-Z]{2}$", description: "ISO 3166-1 alpha-2 country code", example: "US" });

export const customerResourceSchema = z
  .object({
    partner_customer_id: text,
    business_details: z.object({
      business_name_english: text,
      website: nullableText,
      business_identifier_number: text,
      business_identifier_country_code: country,
      business_identifier_document_list: z.array(text),
      business_name: nullableText,
      business_identifier_start_date: nullableTimestamp,
      business_identifier_expiry_date: nullableTimestamp,
    }),
    registration_address: z.object({
      registration_address_line1: text,
      registration_address_city: text,
      registration_address_state: nullableText,
      registration_address_postcode: nullableText,
      registration_address_country_code: country,
    }),
    customer_id: z
      .string()
      .meta({ description: "Unique Customer ID", example: "cus_79fb361a05074629bf1ecf0d14cd244e" }),
    status: z.enum(CUSTOMER_STATUSES).meta({ description: "Customer status; new customers start pending" }),
    created_at: timestamp,
    account_usage: z.object({
      operating_country: country,
      goods_service_description: nullableText,
      industry_category_code: nullableText,
      estimated_monthly_revenue_currency: text,
      estimated_monthly_revenue_amount: z.number(),
    }),
    primary_contact: z.object({
      contact_phone: nullableText,
      contact_email: text,
    }),
    business_person_list: z.array(
      z.object({
        basic_info: z.object({
          first_name_english: text,
          last_name_english: text,
          birth_date: timestamp,
          nationality: country,
          first_name: nullableText,
          last_name: nullableText,
        }),
        residential_address: z.object({
          residential_address_line1: nullableText,
          residential_address_city: nullableText,
          residential_address_postcode: nullableText,
          residential_address_country_code: country.nullable(),
          residential_address_state: nullableText,
        }),
        identification: z.object({
          id_number: text,
          id_issuing_country_code: country,
          id_expiration_date: nullableTimestamp,
          id_issue_date: nullableTimestamp,
          id_document_front_file_id: nullableText,
          id_document_back_file_id: nullableText,
        }),
      }),
    ),
    requirements: z
      .object({
        currently_due: z
          .array(
            z.object({
              field: z.string().meta({
                description: "The API path of the field or document to fix",
                example: "business_person_list.0.identification.id_document_back_file_id",
              }),
              reason: z.string().meta({ description: "The reviewer's note", example: "ID back image unreadable" }),
            }),
          )
          .meta({ description: "What AxisFI asks you to fix, with `POST /api/customers/{customer_id}/update`" }),
        requested_at: nullableTimestamp.meta({
          description: "When the latest of the items due was requested; null when nothing is due",
        }),
      })
      .meta({
        description:
          "Requests for information from compliance review: empty (`currently_due: []`, `requested_at: null`) when nothing is due. An item is cleared by the update that changes the value at its `field`.",
      }),
  })
  .meta({ id: "Customer", description: "Customer Details Response Information" });

export type CustomerResource = z.infer<typeof customerResourceSchema>;

/** The schema of one page of a partner API list of `item`, named `id` in the OpenAPI document. */
export function listPageSchema<Item extends z.ZodType>(item: Item, id: string) {
  return z
    .object({
      object: z.literal("list"),
      data: z.array(item),
      has_more: z.boolean(),
      next_cursor: z
        .string()
        .nullable()
        .meta({ description: "Pass as `cursor` to get the next page; null on the last page" }),
    })
    .meta({ id });
}

export const customerListSchema = listPageSchema(customerResourceSchema, "CustomerList");
