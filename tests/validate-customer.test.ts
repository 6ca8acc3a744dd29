import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PartnerWithKey } from "@/lib/partners/partners";
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

/** Everything a create writes (or a claimed Idempotency-Key leaves behind), counted. */
async function storedCounts() {
  const [customers, people, documents, auditEvents, idempotencyKeys, idempotencyClaims] = await Promise.all([
    db.customer.count(),
    db.businessPerson.count(),
    db.customerDocument.count(),
    db.auditEvent.count(),
    db.idempotencyKey.count(),
    db.idempotencyClaim.count(),
  ]);
  return { customers, people, documents, auditEvents, idempotencyKeys, idempotencyClaims };
}

interface Sent {
  status: number;
  json: unknown;
}

/** POSTs a raw body; the same X-Request-Id on both doors makes their answers comparable byte for byte. */
async function send(path: string, body: string, headers: Record<string, string>, requestId: string): Promise<Sent> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method: "POST",
    headers: { "X-Request-Id": requestId, ...headers },
    body,
  });
  return { status: response.status, json: await response.json() };
}

let requestCount = 0;

/** Validate, then create, the same request: each answer and what each stored. */
async function validateThenCreate(body: string, headers: Record<string, string>) {
  requestCount += 1;
  const requestId = `dry-run-${process.pid}-${requestCount}`;
  const before = await storedCounts();
  const validated = await send("/api/customers/validate", body, headers, requestId);
  const afterValidate = await storedCounts();
  const created = await send("/api/customers/create", body, headers, requestId);
  const afterCreate = await storedCounts();
  return { before, validated, afterValidate, created, afterCreate };
}

const JSON_TYPE = { "Content-Type": "application/json" };

describe("POST /api/customers/validate", () => {
  let owner: PartnerWithKey;
  let ownFileId: string;
  let othersFileId: string;
  let existingId: string;

  beforeAll(async () => {
    owner = await newPartner();
    const other = await newPartner();
    ownFileId = await uploadedFileId(api.baseUrl, authHeaders(owner), SAMPLE_FILES.pdf);
    othersFileId = await uploadedFileId(api.baseUrl, authHeaders(other), SAMPLE_FILES.png);
    existingId = newPartnerCustomerId();
    const existing = await postJson(
      api.baseUrl,
      "/api/customers/create",
      exampleCustomerRequest(existingId),
      authHeaders(owner),
    );
    if (existing.status !== 200) throw new Error(`setup create failed with ${existing.status}`);
  });

  it("answers 200 {valid:true} for a valid body and stores nothing; the same body then creates", async () => {
    const body = JSON.stringify(
      exampleCustomerRequest(newPartnerCustomerId(), { documentIds: [ownFileId], idFrontFileId: ownFileId }),
    );
    const { before, validated, afterValidate, created, afterCreate } = await validateThenCreate(body, {
      ...JSON_TYPE,
      ...authHeaders(owner),
    });
    expect(validated).toEqual({ status: 200, json: { valid: true } });
    expect(afterValidate).toEqual(before);
    expect(created.status).toBe(200);
    expect(afterCreate.customers).toBe(before.customers + 1);
    expect(afterCreate.auditEvents).toBeGreaterThan(before.auditEvents);
  });

  const invalidBodies: {
    name: string;
    request: () => { body: string; headers: Record<string, string> };
    status: number;
    code: string;
  }[] = [
    {
      name: "invalid fields, every one listed",
      request: () => {
        const body = exampleCustomerRequest("too-short") as unknown as Record<string, Record<string, unknown>>;
        body.business_details.website = "ftp://example.com";
        body.registration_address.registration_address_country_code = "XX";
        body.primary_contact.unexpected = "field";
        return { body: JSON.stringify(body), headers: { ...JSON_TYPE, ...authHeaders(owner) } };
      },
      status: 400,
      code: "validation_error",
    },
    {
      name: "a body that is not an object",
      request: () => ({ body: "[]", headers: { ...JSON_TYPE, ...authHeaders(owner) } }),
      status: 400,
      code: "validation_error",
    },
    {
      name: "an unknown file",
      request: () => ({
        body: JSON.stringify(
          exampleCustomerRequest(newPartnerCustomerId(), { documentIds: ["file_00000000000000000000000000000000"] }),
        ),
        headers: { ...JSON_TYPE, ...authHeaders(owner) },
      }),
      status: 400,
      code: "validation_error",
    },
    {
      name: "another partner's file",
      request: () => ({
        body: JSON.stringify(exampleCustomerRequest(newPartnerCustomerId(), { idBackFileId: othersFileId })),
        headers: { ...JSON_TYPE, ...authHeaders(owner) },
      }),
      status: 400,
      code: "validation_error",
    },
    {
      name: "the partner_customer_id of an existing customer",
      request: () => ({
        body: JSON.stringify(exampleCustomerRequest(existingId, { documentIds: [ownFileId] })),
        headers: { ...JSON_TYPE, ...authHeaders(owner) },
      }),
      status: 409,
      code: "duplicate_partner_customer_id",
    },
    {
      // Create checks the files before it meets the duplicate: so must the dry run.
      name: "an existing partner_customer_id and an unknown file",
      request: () => ({
        body: JSON.stringify(exampleCustomerRequest(existingId, { idFrontFileId: othersFileId })),
        headers: { ...JSON_TYPE, ...authHeaders(owner) },
      }),
      status: 400,
      code: "validation_error",
    },
    {
      name: "malformed JSON",
      request: () => ({ body: '{"partner_customer_id": ', headers: { ...JSON_TYPE, ...authHeaders(owner) } }),
      status: 400,
      code: "invalid_json",
    },
    {
      name: "a body not declared as JSON",
      request: () => ({
        body: JSON.stringify(exampleCustomerRequest(newPartnerCustomerId())),
        headers: { "Content-Type": "text/plain", ...authHeaders(owner) },
      }),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "a body over 1 MB",
      request: () => {
        const body = exampleCustomerRequest(newPartnerCustomerId()) as unknown as Record<string, unknown>;
        body.padding = "x".repeat(1024 * 1024);
        return { body: JSON.stringify(body), headers: { ...JSON_TYPE, ...authHeaders(owner) } };
      },
      status: 413,
      code: "payload_too_large",
    },
    {
      name: "no credentials",
      request: () => ({ body: JSON.stringify(exampleCustomerRequest(newPartnerCustomerId())), headers: JSON_TYPE }),
      status: 401,
      code: "unauthorized",
    },
    {
      name: "a wrong secret",
      request: () => ({
        body: JSON.stringify(exampleCustomerRequest(newPartnerCustomerId())),
        headers: { ...JSON_TYPE, ...authHeaders(owner), "X-API-Secret": "sk_wrong" },
      }),
      status: 401,
      code: "unauthorized",
    },
  ];

  it.each(invalidBodies)("answers exactly as create does for $name, and neither stores anything", async (bad) => {
    const { body, headers } = bad.request();
    const { before, validated, afterValidate, created, afterCreate } = await validateThenCreate(body, headers);
    expect(validated).toEqual(created);
    expect(validated.status).toBe(bad.status);
    expect((validated.json as { error: { code: string } }).error.code).toBe(bad.code);
    expect(afterValidate).toEqual(before);
    expect(afterCreate).toEqual(before);
  });

  it("ignores an Idempotency-Key: it neither takes the key nor is answered from it", async () => {
    const headers = { ...JSON_TYPE, ...authHeaders(owner), "Idempotency-Key": `dry-run-${newPartnerCustomerId()}` };
    const body = JSON.stringify(exampleCustomerRequest(newPartnerCustomerId()));
    const before = await storedCounts();
    expect(await send("/api/customers/validate", body, headers, "dry-run-key-1")).toEqual({
      status: 200,
      json: { valid: true },
    });
    expect(await storedCounts()).toEqual(before);

    // The key is still free: create with it does the work rather than replaying the dry run.
    const created = await fetch(`${api.baseUrl}/api/customers/create`, { method: "POST", headers, body });
    expect(created.status).toBe(200);
    expect(created.headers.get("idempotent-replayed")).toBeNull();

    // Nor is the dry run answered from the key now taken: the same body is a duplicate, and
    // another body is validated on its own instead of being refused as the key's reuse.
    const again = await send("/api/customers/validate", body, headers, "dry-run-key-2");
    expect(again.status).toBe(409);
    expect((again.json as { error: { code: string } }).error.code).toBe("duplicate_partner_customer_id");
    const other = JSON.stringify(exampleCustomerRequest(newPartnerCustomerId()));
    expect(await send("/api/customers/validate", other, headers, "dry-run-key-3")).toEqual({
      status: 200,
      json: { valid: true },
    });
  });

  it("ignores an Idempotency-Key that create would refuse as malformed", async () => {
    const headers = { ...JSON_TYPE, ...authHeaders(owner), "Idempotency-Key": "k".repeat(300) };
    const body = JSON.stringify(exampleCustomerRequest(newPartnerCustomerId()));
    const validated = await send("/api/customers/validate", body, headers, "dry-run-bad-key-1");
    expect(validated).toEqual({ status: 200, json: { valid: true } });
    const created = await send("/api/customers/create", body, headers, "dry-run-bad-key-2");
    expect(created.status).toBe(400);
    expect((created.json as { error: { code: string } }).error.code).toBe("invalid_idempotency_key");
  });

  it("is documented with create's request body and create's errors, less the Idempotency-Key's 422", async () => {
    const openapi = await (await fetch(`${api.baseUrl}/api/openapi.json`)).json();
    const create = openapi.paths["/api/customers/create"].post;
    const validate = openapi.paths["/api/customers/validate"].post;
    expect(validate.operationId).toBe("validateCustomer");
    expect(validate.tags).toEqual(create.tags);
    expect(validate.security).toEqual(create.security);
    expect(validate.requestBody).toEqual(create.requestBody);
    expect(validate.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ValidationResult",
    });
    const errorStatuses = (operation: { responses: Record<string, unknown> }) =>
      Object.keys(operation.responses).filter((status) => status !== "200");
    // 429 stays: the rate limit counts every authenticated request, a dry run too.
    expect(errorStatuses(validate)).toEqual(errorStatuses(create).filter((status) => status !== "422"));
    expect(validate.description).toMatch(/Idempotency-Key` header is ignored/);
  });

  it("answers 405 with Allow for other methods, rather than looking up a customer called validate", async () => {
    const response = await fetch(`${api.baseUrl}/api/customers/validate`, { headers: authHeaders(owner) });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await response.json()).error.code).toBe("method_not_allowed");
  });
});
