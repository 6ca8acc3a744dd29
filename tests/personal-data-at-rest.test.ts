import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed } from "@/lib/crypto/personal-data";
import { revealIdNumber } from "@/lib/customers/customer-review";
import { decideCustomer } from "@/lib/customers/decisions";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import { newReviewer } from "./helpers/accounts";
import { startAppServer } from "./helpers/app-server";
import { databaseFileBytes } from "./helpers/database-files";
import { authHeaders, newPartner, newPartnerCustomerId, postJson, servePartnerApi } from "./helpers/partner-api";

const api = servePartnerApi();

/** ID numbers no other test uses, so finding one in the database file can only mean ours leaked. */
function newIdNumbers(count: number): string[] {
  return Array.from({ length: count }, () => `PD${crypto.randomBytes(8).toString("hex").toUpperCase()}`);
}

function requestWithIdNumbers(idNumbers: string[]) {
  const body = exampleCustomerRequest(newPartnerCustomerId());
  const [person] = body.business_person_list;
  body.business_person_list = idNumbers.map((idNumber) => ({
    ...structuredClone(person),
    identification: { ...structuredClone(person.identification), id_number: idNumber },
  }));
  return body;
}

function idNumbersOf(resource: { business_person_list: { identification: { id_number: string } }[] }): string[] {
  return resource.business_person_list.map((person) => person.identification.id_number);
}

describe("ID numbers at rest", () => {
  it("keeps no ID number in clear in the database, while the API still answers with them", async () => {
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const plain = newIdNumbers(2);
    const keyed = newIdNumbers(2);

    const created = await postJson(api.baseUrl, "/api/customers/create", requestWithIdNumbers(plain), headers);
    expect(created.status).toBe(200);
    const createdCustomer = await created.json();
    expect(idNumbersOf(createdCustomer)).toEqual(plain);

    const keyedBody = requestWithIdNumbers(keyed);
    const withKey = { ...headers, "Idempotency-Key": `at-rest-${crypto.randomUUID()}` };
    const first = await postJson(api.baseUrl, "/api/customers/create", keyedBody, withKey);
    expect(first.status).toBe(200);
    const firstText = await first.text();
    expect(idNumbersOf(JSON.parse(firstText))).toEqual(keyed);
    const replay = await postJson(api.baseUrl, "/api/customers/create", keyedBody, withKey);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(firstText);

    for (const [customerId, expected] of [
      [createdCustomer.customer_id, plain],
      [JSON.parse(firstText).customer_id, keyed],
    ]) {
      const got = await fetch(`${api.baseUrl}/api/customers/${customerId}`, { headers });
      expect(got.status).toBe(200);
      expect(idNumbersOf(await got.json())).toEqual(expected);
    }
    const list = await (await fetch(`${api.baseUrl}/api/customers`, { headers })).json();
    expect(list.data.flatMap(idNumbersOf).sort()).toEqual([...plain, ...keyed].sort());

    // The events hold the customer resource too: two created, one status changed.
    const email = `at-rest-reviewer-${process.pid}@example.com`;
    const userId = await upsertUser({
      email,
      name: "Rest Reviewer",
      password: "a long enough password",
      role: "reviewer",
    });
    await decideCustomer(
      { userId, role: "reviewer", partnerId: null, name: "Rest Reviewer", email },
      { customerId: createdCustomer.customer_id, decision: "approve", reason: "Checked", expectedVersion: 0 },
    );
    const events = await (await fetch(`${api.baseUrl}/api/events`, { headers })).json();
    expect(events.data.map((event: { type: string }) => event.type).sort()).toEqual([
      "customer.created",
      "customer.created",
      "customer.status_changed",
    ]);
    expect(
      events.data
        .flatMap((event: { data: { customer: Parameters<typeof idNumbersOf>[0] } }) => idNumbersOf(event.data.customer))
        .sort(),
    ).toEqual([...plain, ...plain, ...keyed].sort());

    const bytes = await databaseFileBytes();
    // The check can see the data: the customers' names are there in clear.
    expect(bytes.includes(createdCustomer.partner_customer_id)).toBe(true);
    for (const idNumber of [...plain, ...keyed]) expect(bytes.includes(idNumber)).toBe(false);

    const people = await db.businessPerson.findMany({ where: { customer: { partnerId: partner.partnerId } } });
    expect(people).toHaveLength(4);
    for (const person of people) expect(isSealed(person.idNumber)).toBe(true);
    const stored = await db.idempotencyKey.findMany({ where: { partnerId: partner.partnerId } });
    expect(stored).toHaveLength(1);
    expect(isSealed(stored[0].responseBody)).toBe(true);
    const storedEvents = await db.event.findMany({ where: { partnerId: partner.partnerId } });
    expect(storedEvents).toHaveLength(3);
    for (const event of storedEvents) expect(isSealed(event.data)).toBe(true);
  });
});

describe("a value in clear where a sealed one belongs (written around the portal)", () => {
  it("is refused with a 500 that shows nothing of it, not served as if the portal had stored it", async () => {
    const partner = await newPartner();
    const headers = { ...authHeaders(partner), "Idempotency-Key": "planted-in-clear" };
    const body = requestWithIdNumbers(newIdNumbers(1));
    const created = await postJson(api.baseUrl, "/api/customers/create", body, headers);
    expect(created.status).toBe(200);
    const { customer_id: customerId } = (await created.json()) as { customer_id: string };
    const internalError = async (response: Response, planted: string) => {
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain(planted);
      expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe("internal_error");
    };

    // An ID number, an event and a stored response, each replaced in SQL by a value in clear.
    const [plantedIdNumber] = newIdNumbers(1);
    await db.businessPerson.updateMany({ where: { customerId }, data: { idNumber: plantedIdNumber } });
    await internalError(await fetch(`${api.baseUrl}/api/customers/${customerId}`, { headers }), plantedIdNumber);
    const reviewer = await newReviewer("at-rest-clear", "Clara Reviewer");
    await expect(revealIdNumber(reviewer, customerId, 0)).rejects.toThrow(/stored id_number of bp_\w+ is not sealed/);

    const plantedEvent = JSON.stringify({ customer: { customer_id: customerId, planted: "planted-event-data" } });
    await db.event.updateMany({ where: { customerId }, data: { data: plantedEvent } });
    await internalError(await fetch(`${api.baseUrl}/api/events`, { headers }), "planted-event-data");

    const plantedResponse = JSON.stringify({ customer_id: "cus_planted_in_clear" });
    await db.idempotencyKey.updateMany({
      where: { partnerId: partner.partnerId },
      data: { responseBody: plantedResponse },
    });
    await internalError(await postJson(api.baseUrl, "/api/customers/create", body, headers), "cus_planted_in_clear");
  });
});

describe("DATA_ENCRYPTION_KEY", () => {
  it("stops the server from starting when malformed, naming the setting and never the key", async () => {
    const keys = [
      // 31 bytes, in hex.
      `k1:${"7e".repeat(31)}`,
      // A key without its id.
      "5f".repeat(32),
    ];
    for (const key of keys) {
      const start = startAppServer({
        databaseUrl: databaseUrl(),
        dataDir: process.env.DATA_DIR!,
        appProcesses: 1,
        env: { DATA_ENCRYPTION_KEY: key },
      });
      const message = await start.then(
        async (server) => {
          await server.stop();
          throw new Error("The server started with a malformed DATA_ENCRYPTION_KEY.");
        },
        (error: unknown) => (error as Error).message,
      );
      expect(message).toMatch(/^The server exited while starting\./);
      expect(message).toMatch(/Standard error: DATA_ENCRYPTION_KEY: /);
      expect(message).not.toContain(key.slice(-20));
      // Refused before it touched the database, let alone served anything.
      expect(message).not.toMatch(/database_ready|listening/);
    }
  }, 120_000);
});
