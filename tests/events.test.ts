import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { decideCustomer } from "@/lib/customers/decisions";
import { db } from "@/lib/db";
import { listEventsQuerySchema } from "@/lib/events/event-queries";
import { eventListSchema } from "@/lib/events/resource-schema";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import {
  authHeaders,
  newPartner,
  newPartnerCustomerId,
  postJson,
  servePartnerApi,
  createExampleCustomer,
} from "./helpers/partner-api";

const api = servePartnerApi();

interface EventItem {
  id: string;
  type: string;
  created_at: string;
  data: { customer: { customer_id: string; status: string }; from_status?: string; to_status?: string };
}

let reviewer: Actor & { name: string; email: string };

beforeAll(async () => {
  const email = `events-reviewer-${process.pid}@example.com`;
  const userId = await upsertUser({
    email,
    name: "Eve Reviewer",
    password: "a long enough password",
    role: "reviewer",
  });
  reviewer = { userId, role: "reviewer", partnerId: null, name: "Eve Reviewer", email };
});

const createCustomer = (headers: Record<string, string>) => createExampleCustomer(api.baseUrl, headers);

async function getEvents(headers: Record<string, string>, query = ""): Promise<Response> {
  return fetch(`${api.baseUrl}/api/events${query}`, { headers });
}

async function listEvents(headers: Record<string, string>, query = ""): Promise<EventItem[]> {
  const response = await getEvents(headers, query);
  expect(response.status).toBe(200);
  return (await response.json()).data;
}

async function getCustomer(headers: Record<string, string>, customerId: string): Promise<unknown> {
  const response = await fetch(`${api.baseUrl}/api/customers/${customerId}`, { headers });
  expect(response.status).toBe(200);
  return response.json();
}

/** Every event of the partner, following next_cursor page by page. */
async function allPages(headers: Record<string, string>, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const suffix: string = cursor ? `&cursor=${cursor}` : "";
    const response = await getEvents(headers, `${query}${suffix}`);
    expect(response.status).toBe(200);
    const page = await response.json();
    ids.push(...page.data.map((event: EventItem) => event.id));
    cursor = page.next_cursor;
    expect(page.has_more).toBe(cursor !== null);
    pages += 1;
  } while (cursor);
  return { ids, pages };
}

describe("GET /api/events", () => {
  it("records one customer.created event per create, holding the customer exactly as GET answers it", async () => {
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const created = await createCustomer(headers);

    const events = await listEvents(headers);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(event.type).toBe("customer.created");
    expect(event.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Object.keys(event)).toEqual(["id", "type", "created_at", "data"]);
    expect(event.data).toEqual({ customer: await getCustomer(headers, created.customer_id) });
    expect(JSON.stringify(event.data.customer)).toBe(JSON.stringify(await getCustomer(headers, created.customer_id)));
  });

  it("records a decision as customer.status_changed with from and to, and the customer after it, but not the reason", async () => {
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const { customer_id: customerId } = await createCustomer(headers);
    const reason = "Documents checked against the registry";
    await decideCustomer(reviewer, { customerId, decision: "approve", reason, expectedVersion: 0 });

    const events = await listEvents(headers);
    expect(events.map((event) => event.type)).toEqual(["customer.status_changed", "customer.created"]);
    const [changed, created] = events;
    expect(changed.data).toEqual({
      customer: await getCustomer(headers, customerId),
      from_status: "pending",
      to_status: "active",
    });
    expect(changed.data.customer.status).toBe("active");
    expect(created.data.customer.status).toBe("pending");
    expect(JSON.stringify(changed)).not.toContain(reason);
  });

  it("records nothing for a refused create or a refused decision", async () => {
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const invalid = exampleCustomerRequest(newPartnerCustomerId());
    invalid.primary_contact.contact_email = "not an email";
    expect((await postJson(api.baseUrl, "/api/customers/create", invalid, headers)).status).toBe(400);
    expect(await listEvents(headers)).toEqual([]);

    const body = exampleCustomerRequest(newPartnerCustomerId());
    const first = await postJson(api.baseUrl, "/api/customers/create", body, headers);
    expect(first.status).toBe(200);
    const { customer_id: customerId } = await first.json();
    expect((await postJson(api.baseUrl, "/api/customers/create", body, headers)).status).toBe(409);

    await decideCustomer(reviewer, { customerId, decision: "approve", reason: "Looks right", expectedVersion: 0 });
    // Stale: the reviewer saw version 0, the customer is at 1 now.
    await expect(
      decideCustomer(reviewer, { customerId, decision: "suspend", reason: "Second look", expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: "conflict" });
    // Not a transition from its status.
    await expect(
      decideCustomer(reviewer, { customerId, decision: "approve", reason: "Again", expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "invalid_transition" });

    const events = await listEvents(headers);
    expect(events.map((event) => event.type)).toEqual(["customer.status_changed", "customer.created"]);
    expect(await db.event.count({ where: { partnerId: partner.partnerId } })).toBe(2);
  });

  it("writes one event per customer when concurrent creates share a group commit", async () => {
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const created = await Promise.all(Array.from({ length: 12 }, () => createCustomer(headers)));

    const events = await listEvents(headers, "?limit=100");
    expect(events).toHaveLength(12);
    expect(events.map((event) => event.data.customer.customer_id).sort()).toEqual(
      created.map((customer) => customer.customer_id).sort(),
    );
    for (const event of events) expect(event.type).toBe("customer.created");
  });

  it("lists only the partner's own events", async () => {
    const [mine, theirs] = [await newPartner(), await newPartner()];
    const own = await createCustomer(authHeaders(mine));
    await createCustomer(authHeaders(theirs));
    await createCustomer(authHeaders(theirs));

    const events = await listEvents(authHeaders(mine), "?limit=100");
    expect(events.map((event) => event.data.customer.customer_id)).toEqual([own.customer_id]);
    // A cursor from another partner's list is only a position: it shows nothing of theirs.
    const page = await (await getEvents(authHeaders(theirs), "?limit=1")).json();
    expect(page.next_cursor).toEqual(expect.any(String));
    const across = await listEvents(authHeaders(mine), `?cursor=${page.next_cursor}`);
    for (const event of across) expect(event.data.customer.customer_id).toBe(own.customer_id);
    expect((await getEvents({ "X-API-Key": "pk_nope", "X-API-Secret": "nope" })).status).toBe(401);
  });

  it("pages newest first with the cursor, each event once, ties in one instant included", async () => {
    const partner = await newPartner();
    const headers = authHeaders(partner);
    for (let index = 0; index < 5; index += 1) {
      const { customer_id: customerId } = await createCustomer(headers);
      if (index % 2 === 0) {
        await decideCustomer(reviewer, { customerId, decision: "reject", reason: "Not eligible", expectedVersion: 0 });
      }
    }
    // Four events in one millisecond: the order falls to the id.
    const tied = await db.event.findMany({ where: { partnerId: partner.partnerId }, take: 4, select: { id: true } });
    await db.event.updateMany({
      where: { id: { in: tied.map((event) => event.id) } },
      data: { createdAt: new Date("2024-05-01T10:00:00.123Z") },
    });
    const expected = await db.event.findMany({
      where: { partnerId: partner.partnerId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(expected).toHaveLength(8);

    const { ids, pages } = await allPages(headers, "?limit=3");
    expect(pages).toBe(3);
    expect(ids).toEqual(expected.map((event) => event.id));
    expect((await allPages(headers, "?limit=2&type=customer.status_changed")).ids).toHaveLength(3);
  });

  it("filters by type and by time, comparing with created_at as shown (to the second)", async () => {
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const customers = [await createCustomer(headers), await createCustomer(headers), await createCustomer(headers)];
    const times = ["2024-01-01T00:00:00.500Z", "2024-01-02T00:00:00.000Z", "2024-01-03T00:00:00.000Z"];
    for (const [index, customer] of customers.entries()) {
      await db.event.updateMany({
        where: { customerId: customer.customer_id },
        data: { createdAt: new Date(times[index]) },
      });
    }
    await decideCustomer(reviewer, {
      customerId: customers[0].customer_id,
      decision: "approve",
      reason: "Fine",
      expectedVersion: 0,
    });
    const ids = (events: EventItem[]) => events.map((event) => event.data.customer.customer_id);
    const [first, second, third] = customers.map((customer) => customer.customer_id);

    expect(ids(await listEvents(headers, "?type=customer.created"))).toEqual([third, second, first]);
    expect(ids(await listEvents(headers, "?type=customer.status_changed"))).toEqual([first]);
    // The first shows 2024-01-01T00:00:00Z, which is not later than itself.
    expect(ids(await listEvents(headers, "?created_after=2024-01-01T00:00:00Z&created_before=2024-06-01"))).toEqual([
      third,
      second,
    ]);
    expect(ids(await listEvents(headers, "?created_before=2024-01-03T00:00:00Z"))).toEqual([second, first]);
    expect(
      ids(await listEvents(headers, "?created_after=2024-01-01T12:00:00%2B02:00&created_before=2024-01-03")),
    ).toEqual([second]);
    expect(ids(await listEvents(headers, "?type=customer.created&created_after=2024-01-02T00:00:00Z"))).toEqual([
      third,
    ]);
  });

  it("refuses a bad filter with a validation_error naming the parameter", async () => {
    const headers = authHeaders(await newPartner());
    for (const [query, field] of [
      ["?type=customer.deleted", "type"],
      ["?created_after=yesterday", "created_after"],
      ["?created_before=2024-02-30", "created_before"],
      ["?created_after=2024-01-01T25:00:00Z", "created_after"],
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?cursor=bm90LWEtY3Vyc29y", "cursor"],
    ]) {
      const response = await getEvents(headers, query);
      expect(response.status, query).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("validation_error");
      expect(error.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
    }
  });

  it("is documented as it answers: operation, tag, query parameters and response schema", async () => {
    const openapi = await (await fetch(`${api.baseUrl}/api/openapi.json`)).json();
    const operation = openapi.paths["/api/events"].get;
    expect(operation.operationId).toBe("listEvents");
    expect(operation.tags).toEqual(["Events"]);
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual(
      Object.keys(listEventsQuerySchema.shape).sort(),
    );
    expect(operation.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/EventList");
    expect(openapi.components.schemas.Event.properties.type.enum).toEqual([
      "customer.created",
      "customer.status_changed",
      "customer.information_requested",
      "customer.updated",
    ]);

    const headers = authHeaders(await newPartner());
    const { customer_id: customerId } = await createCustomer(headers);
    await decideCustomer(reviewer, { customerId, decision: "reject", reason: "Not eligible", expectedVersion: 0 });
    const page = await (await getEvents(headers)).json();
    expect(page.data).toHaveLength(2);
    expect(eventListSchema.strict().parse(page)).toEqual(page);
  });
});
