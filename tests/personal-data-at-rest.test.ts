import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed } from "@/lib/crypto/personal-data";
import { decideCustomer } from "@/lib/customers/decisions";
import { db } from "@/lib/db";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "./fixtures/customer-request";
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
