import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { revokeApiKey } from "@/lib/partners/api-keys";
import { CLI_ACTOR } from "@/lib/audit/audit-events";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import {
  SAMPLE_FILES,
  authHeaders,
  newPartner,
  newPartnerCustomerId,
  postJson,
  uploadFile,
  servePartnerApi,
  createExampleCustomer,
} from "./helpers/partner-api";

const api = servePartnerApi();

const createCustomer = (headers: Record<string, string>) => createExampleCustomer(api.baseUrl, headers);

describe("API key authentication", () => {
  it("gives one and the same 401 for missing, unknown, wrong and revoked credentials", async () => {
    const partner = await newPartner();
    const revoked = await newPartner();
    await revokeApiKey(revoked.partnerId, revoked.apiKey.publicKey, CLI_ACTOR);
    const attempts: Record<string, string>[] = [
      {},
      { "X-API-Key": partner.apiKey.publicKey },
      { "X-API-Key": "pk_unknown", "X-API-Secret": partner.apiKey.secret },
      { "X-API-Key": partner.apiKey.publicKey, "X-API-Secret": `${partner.apiKey.secret}x` },
      { "X-API-Key": partner.apiKey.publicKey, "X-API-Secret": "" },
      authHeaders(revoked),
    ];
    const bodies = new Set<string>();
    for (const headers of attempts) {
      const response = await postJson(
        api.baseUrl,
        "/api/customers/create",
        exampleCustomerRequest(newPartnerCustomerId()),
        headers,
      );
      expect(response.status).toBe(401);
      const { error } = await response.json();
      expect(error.code).toBe("unauthorized");
      bodies.add(error.message);
      expect(JSON.stringify(error)).not.toContain(partner.apiKey.secret);
    }
    expect(bodies.size).toBe(1);
  });

  it("stops a key at once when it is revoked", async () => {
    const partner = await newPartner();
    await createCustomer(authHeaders(partner));
    await revokeApiKey(partner.partnerId, partner.apiKey.publicKey, CLI_ACTOR);
    const response = await fetch(`${api.baseUrl}/api/customers`, { headers: authHeaders(partner) });
    expect(response.status).toBe(401);
  });

  it("guards every partner endpoint", async () => {
    for (const [method, path] of [
      ["POST", "/api/customers/create"],
      ["GET", "/api/customers"],
      ["GET", "/api/customers/cus_00000000000000000000000000000000"],
      ["POST", "/api/files/upload"],
    ]) {
      const response = await fetch(`${api.baseUrl}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});

describe("GET /api/customers/{customer_id} and GET /api/customers", () => {
  it("gives another partner's customer the same 404 as an unknown id", async () => {
    const owner = await newPartner();
    const other = await newPartner();
    const customer = await createCustomer(authHeaders(owner));
    const foreign = await fetch(`${api.baseUrl}/api/customers/${customer.customer_id}`, {
      headers: authHeaders(other),
    });
    const unknown = await fetch(`${api.baseUrl}/api/customers/cus_00000000000000000000000000000000`, {
      headers: authHeaders(other),
    });
    const malformed = await fetch(`${api.baseUrl}/api/customers/not-an-id`, { headers: authHeaders(other) });
    expect([foreign.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
    const messages = await Promise.all(
      [foreign, unknown, malformed].map(async (response) => (await response.json()).error),
    );
    expect(messages.map((error) => [error.code, error.message])).toEqual([
      ["not_found", messages[0].message],
      ["not_found", messages[0].message],
      ["not_found", messages[0].message],
    ]);
  });

  it("lists only the partner's own customers, newest first, page by page", async () => {
    const partner = await newPartner();
    const other = await newPartner();
    await createCustomer(authHeaders(other));
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) created.push((await createCustomer(authHeaders(partner))).customer_id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const response = await fetch(`${api.baseUrl}/api/customers${query}`, { headers: authHeaders(partner) });
      expect(response.status).toBe(200);
      const page = await response.json();
      expect(page.object).toBe("list");
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((customer: { customer_id: string }) => customer.customer_id));
      cursor = page.has_more ? page.next_cursor : null;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
  });

  it("filters by status and refuses unknown parameters", async () => {
    const partner = await newPartner();
    await createCustomer(authHeaders(partner));
    const pending = await (
      await fetch(`${api.baseUrl}/api/customers?status=pending`, { headers: authHeaders(partner) })
    ).json();
    expect(pending.data).toHaveLength(1);
    const active = await (
      await fetch(`${api.baseUrl}/api/customers?status=active`, { headers: authHeaders(partner) })
    ).json();
    expect(active.data).toHaveLength(0);

    for (const query of ["status=approved", "limit=0", "limit=101", "cursor=%25%25", "colour=blue"]) {
      const response = await fetch(`${api.baseUrl}/api/customers?${query}`, { headers: authHeaders(partner) });
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.code).toBe("validation_error");
    }
  });
});

describe("POST /api/files/upload", () => {
  it("stores PDF, JPEG and PNG judged by their bytes", async () => {
    const partner = await newPartner();
    for (const [bytes, expected] of [
      [SAMPLE_FILES.pdf, "application/pdf"],
      [SAMPLE_FILES.jpeg, "image/jpeg"],
      // A PNG sent under a misleading name and type is still a PNG.
      [SAMPLE_FILES.png, "image/png"],
    ] as const) {
      const response = await uploadFile(api.baseUrl, authHeaders(partner), bytes, "scan.txt", "text/plain");
      expect(response.status).toBe(200);
      const file = await response.json();
      expect(Object.keys(file)).toEqual(["file_id", "file_name", "content_type", "size", "created_at"]);
      expect(file.file_id).toMatch(/^file_[0-9a-f]{32}$/);
      expect(file).toMatchObject({ file_name: "scan.txt", content_type: expected, size: bytes.length });
      expect(file.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  it("refuses a file whose bytes are not PDF, JPEG or PNG, whatever its name says", async () => {
    const partner = await newPartner();
    const response = await uploadFile(
      api.baseUrl,
      authHeaders(partner),
      Buffer.from("MZ this is an executable"),
      "id.png",
    );
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe("unsupported_file_type");
  });

  it("refuses a file over 10 MB with 413", async () => {
    const partner = await newPartner();
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const response = await uploadFile(api.baseUrl, authHeaders(partner), big, "big.pdf", "application/pdf");
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  it("refuses a body that is not multipart (415) and a form without a file (400)", async () => {
    const partner = await newPartner();
    const json = await postJson(api.baseUrl, "/api/files/upload", {}, authHeaders(partner));
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append("note", "no file here");
    const empty = await fetch(`${api.baseUrl}/api/files/upload`, {
      method: "POST",
      headers: authHeaders(partner),
      body: form,
    });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.details[0].field).toBe("file");
  });
});

describe("operability", () => {
  it("sends HSTS only when the public URL is https, and a CSP that renders nothing, on every answer", async () => {
    const plain = await fetch(`${api.baseUrl}/api/health`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const previous = env.publicUrl;
    env.publicUrl = "https://onboarding.example.com";
    try {
      const secure = await fetch(`${api.baseUrl}/api/customers/create`, { method: "POST" });
      expect(secure.status).toBe(401);
      expect(secure.headers.get("strict-transport-security")).toMatch(/^max-age=\d+; includeSubDomains$/);
    } finally {
      env.publicUrl = previous;
    }
  });

  it("answers the health check and the OpenAPI document without credentials", async () => {
    const health = await fetch(`${api.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "ok" });

    const openapi = await (await fetch(`${api.baseUrl}/api/openapi.json`)).json();
    expect(openapi.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        "/api/customers/create",
        "/api/customers/{customer_id}",
        "/api/customers",
        "/api/files/upload",
      ]),
    );
    const request = openapi.components.schemas.CreateCustomerRequest;
    expect(request.required).toEqual(
      expect.arrayContaining([
        "partner_customer_id",
        "business_details",
        "registration_address",
        "account_usage",
        "primary_contact",
      ]),
    );
    expect(request.additionalProperties).toBe(false);
    expect(request.properties.partner_customer_id).toMatchObject({ minLength: 20, maxLength: 64 });
  });

  it("echoes a well-formed X-Request-Id and answers unknown API paths with JSON 404", async () => {
    const response = await fetch(`${api.baseUrl}/api/nothing-here`, { headers: { "X-Request-Id": "trace-12345678" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("trace-12345678");
    expect((await response.json()).error.request_id).toBe("trace-12345678");
  });

  it("logs one line per request without secrets, ID numbers or documents", async () => {
    const { env } = await import("@/lib/env");
    const partner = await newPartner();
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const logging = env.LOG_REQUESTS;
    env.LOG_REQUESTS = true;
    try {
      const body = exampleCustomerRequest(newPartnerCustomerId());
      await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner));
      await uploadFile(api.baseUrl, authHeaders(partner), SAMPLE_FILES.pdf, "passport.pdf", "application/pdf");
      await postJson(api.baseUrl, "/api/customers/create", body, {
        "X-API-Key": partner.apiKey.publicKey,
        "X-API-Secret": "wrong",
      });
    } finally {
      env.LOG_REQUESTS = logging;
      write.mockRestore();
    }
    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.event === "request");
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({
      method: "POST",
      path: "/api/customers/create",
      status: 200,
      partner_id: partner.partnerId,
    });
    expect(requests[2]).toMatchObject({ status: 401, partner_id: null });
    for (const entry of requests) {
      expect(entry.request_id).toMatch(/^req_/);
      expect(typeof entry.duration_ms).toBe("number");
    }
    const logged = lines.join("");
    for (const secret of [partner.apiKey.secret, "E12345678", "%PDF", "passport.pdf", "service@gemini.com"]) {
      expect(logged).not.toContain(secret);
    }
  });
});
