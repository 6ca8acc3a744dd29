import { describe, expect, it } from "vitest";
import { openStored } from "@/lib/crypto/personal-data";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  MAX_IN_FLIGHT_PER_PARTNER,
  MAX_STORED_RESPONSE_BYTES,
  claimInFlight,
  storeResponse,
  storedResponseRow,
  responseOwner,
} from "@/lib/idempotency/idempotency-keys";
import { localizedAnswer } from "@/lib/api/error-response";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import { authHeaders, newPartner, newPartnerCustomerId, postJson, servePartnerApi } from "./helpers/partner-api";

const api = servePartnerApi();

/** A valid request with about 0.9 MB of keys that are not part of the API. */
function requestWithUnknownKeys(): { body: string; unknown: number } {
  const request: Record<string, unknown> = exampleCustomerRequest(newPartnerCustomerId());
  let size = JSON.stringify(request).length;
  let unknown = 0;
  while (size < 900 * 1024) {
    const key = `not_a_field_${unknown}`;
    request[key] = 1;
    size += key.length + 4; // "key":1,
    unknown += 1;
  }
  const body = JSON.stringify(request);
  expect(body.length).toBeGreaterThan(900 * 1024);
  return { body, unknown };
}

describe("error answers are bounded", () => {
  it("lists the first 100 field errors and how many more, and keeps the stored response small", async () => {
    const partner = await newPartner();
    const { body, unknown } = requestWithUnknownKeys();
    const headers = { ...authHeaders(partner), "Idempotency-Key": "many-unknown-keys" };

    const response = await postJson(api.baseUrl, "/api/customers/create", body, headers);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(32 * 1024);
    const { error } = JSON.parse(text);
    expect(error.code).toBe("validation_error");
    expect(error.details).toHaveLength(101);
    expect(error.details[0]).toEqual({
      field: "not_a_field_0",
      code: "unknown_field",
      message: "This field is not part of the API.",
    });
    expect(error.details[100]).toEqual({
      field: "",
      code: "too_many_errors",
      message: `…and ${(unknown - 100).toLocaleString("en-US")} more`,
    });

    const [stored] = await db.idempotencyKey.findMany({ where: { partnerId: partner.partnerId } });
    expect(stored.responseBody.length).toBeLessThan(64 * 1024);
    // Kept as message codes, said in the language of each replay: in English, the very answer.
    const kept = openStored(stored.responseBody, "idempotent_response", responseOwner(stored));
    expect(localizedAnswer({ status: 400, body: kept }, "en").body).toBe(text);
    const replay = await postJson(api.baseUrl, "/api/customers/create", body, headers);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(text);
  });

  it("cuts a field path made of one enormous key short", async () => {
    const partner = await newPartner();
    const key = "k".repeat(500 * 1024);
    const request = { ...exampleCustomerRequest(newPartnerCustomerId()), [key]: 1 };
    const response = await postJson(api.baseUrl, "/api/customers/create", request, authHeaders(partner));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(4 * 1024);
    const [detail] = JSON.parse(text).error.details;
    expect(detail.code).toBe("unknown_field");
    expect(detail.field.startsWith("kkkk")).toBe(true);
    expect(detail.field.endsWith("…")).toBe(true);
  });
});

describe("stored responses are bounded", () => {
  it("keeps no response past the bound, and keeps one at the bound", async () => {
    const partner = await newPartner();
    const claim = (key: string) => ({ partnerId: partner.partnerId, scope: "api" as const, key, requestHash: "h" });
    const tooLarge = `"${"x".repeat(MAX_STORED_RESPONSE_BYTES)}"`;
    expect(await storeResponse(claim("too-large"), 400, tooLarge)).toBe(true);
    expect(() => storedResponseRow(claim("too-large"), 200, tooLarge)).toThrow(/too large/);
    const atBound = "x".repeat(MAX_STORED_RESPONSE_BYTES);
    expect(await storeResponse(claim("at-bound"), 400, atBound)).toBe(true);
    const kept = await db.idempotencyKey.findMany({ where: { partnerId: partner.partnerId } });
    expect(kept.map((row) => row.key)).toEqual(["at-bound"]);
  });
});

/**
 * Every text field at its longest, in three-byte characters (the most UTF-8 bytes one UTF-16 unit
 * takes that the database accepts: a lone surrogate is refused on insert, see the report).
 */
function largestValidRequest() {
  const worst = (length: number) => "界".repeat(length);
  const request = exampleCustomerRequest(newPartnerCustomerId().padEnd(64, "x"));
  Object.assign(request.business_details, { business_name_english: "A".repeat(255), business_name: worst(255) });
  Object.assign(request.registration_address, {
    registration_address_line1: worst(255),
    registration_address_city: worst(255),
    registration_address_state: worst(255),
    registration_address_postcode: worst(32),
  });
  request.account_usage.goods_service_description = worst(1000);
  const [person] = request.business_person_list;
  request.business_person_list = Array.from({ length: 20 }, () => ({
    ...structuredClone(person),
    basic_info: {
      ...structuredClone(person.basic_info),
      first_name_english: "A".repeat(255),
      last_name_english: "B".repeat(255),
      first_name: worst(255),
      last_name: worst(255),
    },
    residential_address: {
      ...structuredClone(person.residential_address),
      residential_address_line1: worst(255),
      residential_address_city: worst(255),
      residential_address_state: worst(255),
      residential_address_postcode: worst(32),
    },
    identification: { ...structuredClone(person.identification), id_number: worst(64) },
  }));
  return request;
}

describe("the stored response bound leaves room for every valid customer", () => {
  it("keeps and replays the answer of the largest valid customer", async () => {
    const partner = await newPartner();
    const request = largestValidRequest();
    const headers = { ...authHeaders(partner), "Idempotency-Key": "largest" };
    const first = await postJson(api.baseUrl, "/api/customers/create", request, headers);
    const text = await first.text();
    expect(first.status, text.slice(0, 500)).toBe(200);
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_STORED_RESPONSE_BYTES / 8);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_STORED_RESPONSE_BYTES);
    const replay = await postJson(api.baseUrl, "/api/customers/create", request, headers);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(text);
  });
});

describe("Idempotency-Keys in flight are bounded", () => {
  it("refuses a partner's claim past the cap with 429, without holding back other partners", async () => {
    const claimKey = (partnerId: string, key: string) => claimInFlight(partnerId, "api", key);
    const releases = await Promise.all(
      Array.from({ length: MAX_IN_FLIGHT_PER_PARTNER }, (_, index) => claimKey("partner-busy", `key-${index}`)),
    );
    expect(releases.every((release) => release !== null)).toBe(true);
    await expect(claimKey("partner-busy", "one-more")).rejects.toThrow(AppError);
    await expect(claimKey("partner-busy", "one-more")).rejects.toThrow(expect.objectContaining({ status: 429 }));
    // A key already under way is still answered as in use, not as too many.
    expect(await claimKey("partner-busy", "key-0")).toBeNull();

    const other = await claimKey("partner-calm", "key-0");
    expect(other).not.toBeNull();
    await other!();

    // Releasing twice frees one place, not two.
    await releases[0]!();
    await releases[0]!();
    const next = await claimKey("partner-busy", "one-more");
    expect(next).not.toBeNull();
    await expect(claimKey("partner-busy", "and-another")).rejects.toThrow(expect.objectContaining({ status: 429 }));

    await next!();
    for (const release of releases.slice(1)) await release!();
    expect(await db.idempotencyClaim.count()).toBe(0);
    expect(await claimKey("partner-busy", "after")).not.toBeNull();
  });
});
