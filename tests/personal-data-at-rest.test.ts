import crypto from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { isSealed, unseal } from "@/lib/crypto/personal-data";
import { sealLegacyPersonalData } from "@/lib/crypto/seal-legacy-rows";
import { db, flushOverwrittenData, prepareDatabase } from "@/lib/db";
import { newId } from "@/lib/ids";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "./fixtures/customer-request";
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

/** Every byte SQLite has written: the database file and its write-ahead log. */
function databaseBytes(): Buffer {
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  return Buffer.concat(
    [file, `${file}-wal`].filter((path) => fs.existsSync(path)).map((path) => fs.readFileSync(path)),
  );
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

    const bytes = databaseBytes();
    // The check can see the data: the customers' names are there in clear.
    expect(bytes.includes(createdCustomer.partner_customer_id)).toBe(true);
    for (const idNumber of [...plain, ...keyed]) expect(bytes.includes(idNumber)).toBe(false);

    const people = await db.businessPerson.findMany({ where: { customer: { partnerId: partner.partnerId } } });
    expect(people).toHaveLength(4);
    for (const person of people) expect(isSealed(person.idNumber)).toBe(true);
    const stored = await db.idempotencyKey.findMany({ where: { partnerId: partner.partnerId } });
    expect(stored).toHaveLength(1);
    expect(isSealed(stored[0].responseBody)).toBe(true);
  });
});

describe("rows written before sealing", () => {
  it("are read as they are, and sealed by sealLegacyPersonalData, once", async () => {
    // As the server opens the database (WAL, secure_delete).
    await prepareDatabase();
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const idNumbers = newIdNumbers(3);
    const body = requestWithIdNumbers(idNumbers);
    const withKey = { ...headers, "Idempotency-Key": `legacy-${crypto.randomUUID()}` };
    const first = await postJson(api.baseUrl, "/api/customers/create", body, withKey);
    expect(first.status).toBe(200);
    const firstText = await first.text();
    const customerId = JSON.parse(firstText).customer_id as string;

    // As an older version wrote them: in clear.
    for (const [position, idNumber] of idNumbers.entries()) {
      await db.businessPerson.updateMany({ where: { customerId, position }, data: { idNumber } });
    }
    await db.idempotencyKey.updateMany({ where: { partnerId: partner.partnerId }, data: { responseBody: firstText } });
    // Two open drafts in clear (one form holds an ID number) and a submitted one, which holds nothing.
    const author = await upsertUser({
      email: `legacy-${crypto.randomUUID()}@example.com`,
      name: "Lee Legacy",
      password: "a long enough password",
      role: "partner_user",
      partnerId: partner.partnerId,
    });
    const draftForm = JSON.stringify({ business_person_list: [{ identification: { id_number: idNumbers[0] } }] });
    const draftIds = [newId("drf"), newId("drf"), newId("drf")];
    for (const [index, id] of draftIds.entries()) {
      await db.onboardingDraft.create({
        data: {
          id,
          partnerId: partner.partnerId,
          status: index === 2 ? "submitted" : "open",
          data: index === 2 ? "{}" : draftForm,
          createdById: author,
          updatedById: author,
        },
      });
    }

    const readAll = async () => {
      const got = await fetch(`${api.baseUrl}/api/customers/${customerId}`, { headers });
      const replay = await postJson(api.baseUrl, "/api/customers/create", body, withKey);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      return { resource: idNumbersOf(await got.json()), replay: await replay.text() };
    };
    expect(await readAll()).toEqual({ resource: idNumbers, replay: firstText });

    // Batches of one, so that more than one batch is needed.
    expect(await sealLegacyPersonalData(1)).toEqual({ idNumbers: 3, responses: 1, drafts: 2 });
    const drafts = await db.onboardingDraft.findMany({ where: { id: { in: draftIds } }, orderBy: { id: "asc" } });
    expect(
      drafts.filter((draft) => isSealed(draft.data)).map((draft) => unseal(draft.data, "draft", draft.id)),
    ).toEqual([draftForm, draftForm]);
    expect(drafts.filter((draft) => !isSealed(draft.data)).map((draft) => draft.data)).toEqual(["{}"]);
    const people = await db.businessPerson.findMany({ where: { customerId } });
    for (const person of people) expect(isSealed(person.idNumber)).toBe(true);
    const [stored] = await db.idempotencyKey.findMany({ where: { partnerId: partner.partnerId } });
    expect(isSealed(stored.responseBody)).toBe(true);
    expect(await readAll()).toEqual({ resource: idNumbers, replay: firstText });

    // What was in clear is gone from the files too, not left in free space or the WAL.
    await flushOverwrittenData();
    const bytes = databaseBytes();
    for (const idNumber of idNumbers) expect(bytes.includes(Buffer.from(idNumber)), idNumber).toBe(false);

    // Nothing is left to seal, and nothing sealed is sealed again.
    expect(await sealLegacyPersonalData()).toEqual({ idNumbers: 0, responses: 0, drafts: 0 });
    expect((await db.businessPerson.findMany({ where: { customerId } })).map((person) => person.idNumber)).toEqual(
      people.map((person) => person.idNumber),
    );
  });
});
