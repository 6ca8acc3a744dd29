import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import seedRequest from "./fixtures/seed-request.json";
import seedResponse from "./fixtures/seed-response.json";
import {
  SAMPLE_FILES,
  authHeaders,
  newPartner,
  newPartnerCustomerId,
  postJson,
  uploadedFileId,
  servePartnerApi,
} from "./helpers/partner-api";

const api = servePartnerApi();

/** The structure of a JSON value: keys in order, and the type of each leaf. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : [];
  if (value !== null && typeof value === "object") {
    return Object.entries(value).map(([key, child]) => [key, shapeOf(child)]);
  }
  return value === null ? "null" : typeof value;
}

async function createCustomerWithFiles() {
  const partner = await newPartner();
  const headers = authHeaders(partner);
  const documentId = await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.pdf);
  const frontId = await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.png);
  const backId = await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.jpeg);
  const body = exampleCustomerRequest(newPartnerCustomerId(), {
    documentIds: [documentId],
    idFrontFileId: frontId,
    idBackFileId: backId,
  });
  const response = await postJson(api.baseUrl, "/api/customers/create", body, headers);
  return { partner, headers, body, response };
}

describe("POST /api/customers/create", () => {
  it("fills the published example with real values in the published shape", () => {
    const body = exampleCustomerRequest("x".repeat(20), {
      documentIds: ["file_0123456789abcdef0123456789abcdef"],
      idFrontFileId: "file_0123456789abcdef0123456789abcdef",
      idBackFileId: "file_0123456789abcdef0123456789abcdef",
    });
    expect(shapeOf(body)).toEqual(shapeOf(seedRequest));
  });

  it("creates a pending customer and answers in the seed's shape, field by field and in its key order", async () => {
    const { body, response } = await createCustomerWithFiles();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    const customer = await response.json();

    // The seed's keys in its order, then only the documented additions (requirements).
    const shape = shapeOf(customer) as [string, unknown][];
    const seedShape = shapeOf(seedResponse) as [string, unknown][];
    expect(shape.slice(0, seedShape.length)).toEqual(seedShape);
    expect(shape.slice(seedShape.length).map(([key]) => key)).toEqual(["requirements"]);
    expect(customer.requirements).toEqual({ currently_due: [], requested_at: null });
    expect(customer.customer_id).toMatch(/^cus_[0-9a-f]{32}$/);
    expect(customer.status).toBe("pending");
    expect(customer.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(customer.created_at) - Date.now())).toBeLessThan(60_000);

    // Everything the partner sent comes back as sent (already canonical here).
    const { customer_id: _id, status: _status, created_at: _createdAt, requirements: _due, ...echoed } = customer;
    expect(echoed).toEqual(body);
  });

  it("normalises what it echoes: trimmed strings, UTC timestamps to the second, null for what was not given", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(`  ${newPartnerCustomerId()}  `);
    body.business_details.business_name_english = "  Gemini Trading Limited ";
    body.business_details.business_identifier_start_date = "2023-11-07T07:31:56.789+02:00";
    body.business_details.business_identifier_expiry_date = "2033-11-07";
    const withoutOptional = body as unknown as Record<string, Record<string, unknown>>;
    delete withoutOptional.business_details.website;
    withoutOptional.primary_contact.contact_phone = "";
    const response = await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner));
    expect(response.status).toBe(200);
    const customer = await response.json();
    expect(customer.partner_customer_id).toBe(body.partner_customer_id.trim());
    expect(customer.business_details.business_name_english).toBe("Gemini Trading Limited");
    expect(customer.business_details.business_identifier_start_date).toBe("2023-11-07T05:31:56Z");
    expect(customer.business_details.business_identifier_expiry_date).toBe("2033-11-07T00:00:00Z");
    expect(customer.business_details.website).toBeNull();
    expect(customer.primary_contact.contact_phone).toBeNull();
    expect(shapeOf(Object.keys(customer.business_details))).toEqual(
      shapeOf(Object.keys(seedResponse.business_details)),
    );
  });

  it("stores the customer, its people and its documents, readable through GET", async () => {
    const { headers, body, response } = await createCustomerWithFiles();
    const created = await response.json();
    const stored = await db.customer.findUniqueOrThrow({
      where: { id: created.customer_id },
      include: { businessPersons: true, documents: true },
    });
    expect(stored.businessPersons).toHaveLength(1);
    expect(stored.documents.map((document) => document.fileId)).toEqual(
      body.business_details.business_identifier_document_list,
    );

    const fetched = await fetch(`${api.baseUrl}/api/customers/${created.customer_id}`, { headers });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(created);
  });

  it("refuses half a surrogate pair as invalid text (a 400, not a 500 from the database), and keeps whole ones", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId());
    body.business_details.business_name = "Gemini \ud800 Trading";
    const before = await db.customer.count();
    const refused = await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details).toEqual([
      { field: "business_details.business_name", code: "invalid_format", message: "Must be valid Unicode text." },
    ]);
    expect(await db.customer.count()).toBe(before);

    body.business_details.business_name = "双子贸易 😀";
    const created = await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner));
    expect(created.status).toBe(200);
    expect((await created.json()).business_details.business_name).toBe("双子贸易 😀");
  });

  it("refuses an ID number that looks like a sealed value (a 400, never a 500 when it is echoed)", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId());
    body.business_person_list[0].identification.id_number = "enc:v1:k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const refused = await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details).toEqual([
      expect.objectContaining({ field: "business_person_list.0.identification.id_number", code: "invalid_format" }),
    ]);
  });

  it("reports every invalid field at once with its full path, and stores nothing", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest("too-short") as unknown as Record<string, Record<string, unknown>>;
    body.business_details.website = "ftp://example.com";
    body.registration_address.registration_address_country_code = "XX";
    body.account_usage.estimated_monthly_revenue_amount = 1.234;
    (body.business_person_list as unknown as Record<string, Record<string, unknown>>[])[0].basic_info.birth_date =
      "2999-01-01";
    body.primary_contact.unexpected = "field";
    const before = await db.customer.count();
    const response = await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("validation_error");
    expect(error.request_id).toBe(response.headers.get("x-request-id"));
    expect(error.details.map((detail: { field: string; code: string }) => [detail.field, detail.code])).toEqual(
      expect.arrayContaining([
        ["partner_customer_id", "too_short"],
        ["business_details.website", "invalid_url"],
        ["registration_address.registration_address_country_code", "invalid_country_code"],
        ["account_usage.estimated_monthly_revenue_amount", "invalid_amount"],
        ["primary_contact.unexpected", "unknown_field"],
        ["business_person_list.0.basic_info.birth_date", "date_not_past"],
      ]),
    );
    expect(error.details).toHaveLength(6);
    expect(await db.customer.count()).toBe(before);
  });

  it("answers 400 for malformed JSON and for a body that is not an object", async () => {
    const partner = await newPartner();
    const malformed = await postJson(
      api.baseUrl,
      "/api/customers/create",
      '{"partner_customer_id": ',
      authHeaders(partner),
    );
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("invalid_json");
    const array = await postJson(api.baseUrl, "/api/customers/create", "[]", authHeaders(partner));
    expect(array.status).toBe(400);
    expect((await array.json()).error.code).toBe("validation_error");
  });

  it("answers 409 naming the existing customer for a duplicate partner_customer_id", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId());
    const first = await (await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner))).json();
    const second = await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner));
    expect(second.status).toBe(409);
    const { error } = await second.json();
    expect(error.code).toBe("duplicate_partner_customer_id");
    expect(error.customer_id).toBe(first.customer_id);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(1);
  });

  it("lets two partners use the same partner_customer_id", async () => {
    const id = newPartnerCustomerId();
    for (const partner of [await newPartner(), await newPartner()]) {
      const response = await postJson(
        api.baseUrl,
        "/api/customers/create",
        exampleCustomerRequest(id),
        authHeaders(partner),
      );
      expect(response.status).toBe(200);
    }
  });

  it("creates exactly one customer from concurrent requests with the same partner_customer_id", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId());
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner))),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(11);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(1);
  });

  it("answers 413 for a body over 1 MB and stores nothing", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId()) as unknown as Record<string, unknown>;
    body.padding = "x".repeat(1024 * 1024);
    const response = await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(0);
  });

  it("answers 415 for a body that is not declared as JSON", async () => {
    const partner = await newPartner();
    const response = await fetch(`${api.baseUrl}/api/customers/create`, {
      method: "POST",
      headers: { ...authHeaders(partner), "Content-Type": "text/plain" },
      body: JSON.stringify(exampleCustomerRequest(newPartnerCustomerId())),
    });
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe("unsupported_media_type");
  });

  it("answers 405 with Allow for other methods", async () => {
    const partner = await newPartner();
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const response = await fetch(`${api.baseUrl}/api/customers/create`, { method, headers: authHeaders(partner) });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect((await response.json()).error.code).toBe("method_not_allowed");
    }
  });

  it("refuses file ids that do not exist or belong to another partner, with the same answer", async () => {
    const owner = await newPartner();
    const other = await newPartner();
    const othersFile = await uploadedFileId(api.baseUrl, authHeaders(other));
    const body = exampleCustomerRequest(newPartnerCustomerId(), {
      documentIds: ["file_00000000000000000000000000000000"],
      idFrontFileId: othersFile,
    });
    const response = await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(owner));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.details).toEqual([
      expect.objectContaining({
        field: "business_details.business_identifier_document_list.0",
        code: "file_not_found",
      }),
      expect.objectContaining({
        field: "business_person_list.0.identification.id_document_front_file_id",
        code: "file_not_found",
      }),
    ]);
    expect(error.details[0].message).toBe(error.details[1].message);
    expect(await db.customer.count({ where: { partnerId: owner.partnerId } })).toBe(0);
  });
});
