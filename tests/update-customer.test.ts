import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { customerResourceSchema } from "@/lib/customers/resource-schema";
import { decideCustomer } from "@/lib/customers/decisions";
import { requestInformation } from "@/lib/customers/requirements";
import { db } from "@/lib/db";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import {
  SAMPLE_FILES,
  authHeaders,
  newPartner,
  newPartnerCustomerId,
  postJson,
  servePartnerApi,
  uploadedFileId,
} from "./helpers/partner-api";

const api = servePartnerApi();
const ID_BACK = "business_person_list.0.identification.id_document_back_file_id";

let reviewer: Actor & { name: string; email: string };

beforeAll(async () => {
  const email = `update-reviewer-${process.pid}@example.com`;
  const userId = await upsertUser({
    email,
    name: "Una Reviewer",
    password: "a long enough password",
    role: "reviewer",
  });
  reviewer = { userId, role: "reviewer", partnerId: null, name: "Una Reviewer", email };
});

async function newCustomer() {
  const partner = await newPartner();
  const headers = authHeaders(partner);
  const body = exampleCustomerRequest(newPartnerCustomerId(), {
    idBackFileId: await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.png),
  });
  const created = await postJson(api.baseUrl, "/api/customers/create", body, headers);
  expect(created.status).toBe(200);
  const { customer_id: customerId } = (await created.json()) as { customer_id: string };
  return { partner, headers, body, customerId };
}

const update = (customerId: string, body: unknown, headers: Record<string, string>) =>
  postJson(api.baseUrl, `/api/customers/${customerId}/update`, body, headers);

describe("POST /api/customers/{customer_id}/update", () => {
  it("fixes what the reviewer asked for: the requirement clears and customer.updated is listed", async () => {
    const { headers, body, customerId } = await newCustomer();
    await requestInformation(reviewer, {
      customerId,
      items: [{ field: ID_BACK, reason: "ID back image unreadable" }],
      expectedVersion: 0,
    });
    const asked = await (await fetch(`${api.baseUrl}/api/customers/${customerId}`, { headers })).json();
    expect(asked.status).toBe("pending");
    expect(asked.requirements.currently_due).toEqual([{ field: ID_BACK, reason: "ID back image unreadable" }]);

    const newBack = await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.jpeg);
    const [person] = body.business_person_list;
    const response = await update(
      customerId,
      {
        business_person_list: [
          { ...person, identification: { ...person.identification, id_document_back_file_id: newBack } },
        ],
      },
      headers,
    );
    expect(response.status).toBe(200);
    const customer = customerResourceSchema.parse(await response.json());
    expect(customer.business_person_list[0].identification.id_document_back_file_id).toBe(newBack);
    expect(customer.requirements).toEqual({ currently_due: [], requested_at: null });
    // The answer is what GET now answers.
    expect(await (await fetch(`${api.baseUrl}/api/customers/${customerId}`, { headers })).json()).toEqual(customer);

    const events = await (await fetch(`${api.baseUrl}/api/events?type=customer.updated`, { headers })).json();
    expect(events.data).toHaveLength(1);
    expect(events.data[0].data).toEqual({ customer, changed_fields: [ID_BACK] });
    const requested = await (
      await fetch(`${api.baseUrl}/api/events?type=customer.information_requested`, { headers })
    ).json();
    expect(requested.data[0].data.customer.requirements.currently_due).toHaveLength(1);
  });

  it("answers 401 without credentials and 404 for another partner's customer, changing nothing", async () => {
    const { body, customerId } = await newCustomer();
    const other = authHeaders(await newPartner());
    const section = { primary_contact: { ...body.primary_contact, contact_email: "x@gemini.com" } };
    expect((await update(customerId, section, {})).status).toBe(401);
    const response = await update(customerId, section, other);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).contactEmail).toBe(
      body.primary_contact.contact_email,
    );
  });

  it("answers 400 validation_error with every field's full path", async () => {
    const { headers, customerId } = await newCustomer();
    const response = await update(
      customerId,
      {
        partner_customer_id: newPartnerCustomerId(),
        registration_address: { registration_address_city: "Paris", nickname: "x" },
      },
      headers,
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("validation_error");
    expect(error.details.map((detail: { field: string; code: string }) => [detail.field, detail.code])).toEqual([
      ["partner_customer_id", "not_updatable"],
      ["registration_address.registration_address_line1", "required"],
      ["registration_address.registration_address_country_code", "required"],
      ["registration_address.nickname", "unknown_field"],
    ]);
  });

  it("replays the answer for the same Idempotency-Key and body, and refuses another body", async () => {
    const { headers, body, customerId } = await newCustomer();
    const keyed = { ...headers, "Idempotency-Key": `update-${customerId}` };
    const section = { primary_contact: { ...body.primary_contact, contact_email: "once@gemini.com" } };
    const first = await update(customerId, section, keyed);
    expect(first.status).toBe(200);
    const again = await update(customerId, section, keyed);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(await first.text());
    // Replayed, not applied twice: one update, one version bump.
    expect(await db.auditEvent.count({ where: { customerId, action: "customer.updated" } })).toBe(1);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).version).toBe(1);

    const other = await update(customerId, { primary_contact: { contact_email: "other@gemini.com" } }, keyed);
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe("idempotency_key_reused");

    // The same key and body for another customer is another request: refused, and that customer
    // is not answered with the first one's replay.
    const secondBody = exampleCustomerRequest(newPartnerCustomerId(), {
      idBackFileId: await uploadedFileId(api.baseUrl, headers, SAMPLE_FILES.png),
    });
    const second = await postJson(api.baseUrl, "/api/customers/create", secondBody, headers);
    const { customer_id: secondId } = (await second.json()) as { customer_id: string };
    const elsewhere = await update(secondId, section, keyed);
    expect(elsewhere.status).toBe(422);
    expect((await elsewhere.json()).error.code).toBe("idempotency_key_reused");
    expect((await db.customer.findUniqueOrThrow({ where: { id: secondId } })).version).toBe(0);
  });

  it("answers 409 customer_not_pending once the customer is decided", async () => {
    const { headers, body, customerId } = await newCustomer();
    await decideCustomer(reviewer, { customerId, decision: "approve", reason: "All good.", expectedVersion: 0 });
    const response = await update(customerId, { primary_contact: body.primary_contact }, headers);
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("customer_not_pending");
  });

  it("is routed apart from Retrieve a customer", async () => {
    const { headers, customerId } = await newCustomer();
    const response = await fetch(`${api.baseUrl}/api/customers/${customerId}/update`, { headers });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await fetch(`${api.baseUrl}/api/customers/${customerId}`, { headers })).status).toBe(200);
  });

  it("is documented as it answers: the operation, its request schema, requirements and the error codes", async () => {
    const openapi = await (await fetch(`${api.baseUrl}/api/openapi.json`)).json();
    const operation = openapi.paths["/api/customers/{customer_id}/update"].post;
    expect(operation.operationId).toBe("updateCustomer");
    expect(operation.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/UpdateCustomerRequest",
    );
    expect(Object.keys(openapi.components.schemas.UpdateCustomerRequest.properties)).toEqual([
      "business_details",
      "registration_address",
      "account_usage",
      "primary_contact",
      "business_person_list",
    ]);
    expect(operation.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/Customer");
    expect(Object.keys(openapi.components.schemas.Customer.properties).at(-1)).toBe("requirements");
    expect(operation.responses["404"].description).toContain("`not_found`");
    expect(operation.responses["409"].description).toContain("`customer_not_pending`");
    expect(operation.responses["400"].description).toContain("`not_updatable`");
  });
});
