import http from "node:http";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import { authHeaders, newPartner, newPartnerCustomerId, postJson, servePartnerApi } from "./helpers/partner-api";
import { waitUntil } from "./helpers/wait";

const api = servePartnerApi();

function createWithKey(headers: Record<string, string>, key: string, body: unknown) {
  return postJson(api.baseUrl, "/api/customers/create", body, { ...headers, "Idempotency-Key": key });
}

describe("Idempotency-Key on Create Customer", () => {
  it("replays the first response for the same key and body, and creates one customer", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId());
    const first = await createWithKey(authHeaders(partner), "retry-1", body);
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = await first.text();

    const retry = await createWithKey(authHeaders(partner), "retry-1", body);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.text()).toBe(firstBody);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(1);
  });

  it("replays errors too: the same invalid request gets the same error body", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest("short");
    const first = await createWithKey(authHeaders(partner), "retry-invalid", body);
    expect(first.status).toBe(400);
    const firstBody = await first.text();
    const retry = await createWithKey(authHeaders(partner), "retry-invalid", body);
    expect(retry.status).toBe(400);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.text()).toBe(firstBody);
  });

  it("refuses the same key with a different body (422) and creates nothing more", async () => {
    const partner = await newPartner();
    await createWithKey(authHeaders(partner), "retry-2", exampleCustomerRequest(newPartnerCustomerId()));
    const reused = await createWithKey(authHeaders(partner), "retry-2", exampleCustomerRequest(newPartnerCustomerId()));
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe("idempotency_key_reused");
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(1);
  });

  it("scopes keys to the partner", async () => {
    const [first, second] = [await newPartner(), await newPartner()];
    const a = await createWithKey(authHeaders(first), "shared-key", exampleCustomerRequest(newPartnerCustomerId()));
    const b = await createWithKey(authHeaders(second), "shared-key", exampleCustomerRequest(newPartnerCustomerId()));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    expect((await a.json()).customer_id).not.toBe((await b.json()).customer_id);
  });

  it("answers 409 idempotency_key_in_use while the first request with the key is still running", async () => {
    const partner = await newPartner();
    const body = JSON.stringify(exampleCustomerRequest(newPartnerCustomerId()));
    const url = new URL(`${api.baseUrl}/api/customers/create`);
    // The first request sends its headers and half its body, then waits.
    const slow = http.request(url, {
      method: "POST",
      headers: {
        ...authHeaders(partner),
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(body),
        "Idempotency-Key": "in-flight",
      },
    });
    const slowResponse = new Promise<{ status: number; text: string }>((resolve, reject) => {
      slow.on("response", (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      slow.on("error", reject);
    });
    slow.write(body.slice(0, 100));
    // The key is claimed before the body is read: the claim's row says the first request is under way.
    await waitUntil(
      async () =>
        (await db.idempotencyClaim.count({
          where: { partnerId: partner.partnerId, scope: "api", key: "in-flight" },
        })) === 1,
      "the first request has claimed its key",
    );

    const concurrent = await createWithKey(authHeaders(partner), "in-flight", JSON.parse(body));
    expect(concurrent.status).toBe(409);
    expect((await concurrent.json()).error.code).toBe("idempotency_key_in_use");

    slow.end(body.slice(100));
    const finished = await slowResponse;
    expect(finished.status).toBe(200);

    const retry = await createWithKey(authHeaders(partner), "in-flight", JSON.parse(body));
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe(finished.text);
  });

  it("creates one customer from concurrent retries with one key", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId());
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => createWithKey(authHeaders(partner), "burst", body)),
    );
    for (const response of responses) expect([200, 409]).toContain(response.status);
    expect(responses.some((response) => response.status === 200)).toBe(true);
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(1);
  });

  it("forgets a key after 24 hours", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId());
    await createWithKey(authHeaders(partner), "old-key", body);
    await db.idempotencyKey.updateMany({
      where: { partnerId: partner.partnerId, key: "old-key" },
      data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) },
    });
    // The key is forgotten, so this is a new request: the customer already exists.
    const later = await createWithKey(authHeaders(partner), "old-key", body);
    expect(later.status).toBe(409);
    expect((await later.json()).error.code).toBe("duplicate_partner_customer_id");
    expect(later.headers.get("idempotent-replayed")).toBeNull();
  });

  it("lets an expired key start a new request", async () => {
    const partner = await newPartner();
    await createWithKey(authHeaders(partner), "reused-next-day", exampleCustomerRequest(newPartnerCustomerId()));
    await db.idempotencyKey.updateMany({
      where: { partnerId: partner.partnerId, key: "reused-next-day" },
      data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) },
    });
    const next = await createWithKey(
      authHeaders(partner),
      "reused-next-day",
      exampleCustomerRequest(newPartnerCustomerId()),
    );
    expect(next.status).toBe(200);
    expect(next.headers.get("idempotent-replayed")).toBeNull();
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(2);
  });

  it("still replays a key used 23 hours ago", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId());
    await createWithKey(authHeaders(partner), "day-old-key", body);
    await db.idempotencyKey.updateMany({
      where: { partnerId: partner.partnerId, key: "day-old-key" },
      data: { createdAt: new Date(Date.now() - 23 * 60 * 60 * 1000) },
    });
    const retry = await createWithKey(authHeaders(partner), "day-old-key", body);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  });

  it("rejects an Idempotency-Key longer than 255 characters", async () => {
    const partner = await newPartner();
    const response = await createWithKey(
      authHeaders(partner),
      "k".repeat(256),
      exampleCustomerRequest(newPartnerCustomerId()),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_idempotency_key");
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(0);
  });
});
