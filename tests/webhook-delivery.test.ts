import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before any module reads the configuration: endpoints on this machine's loopback receiver.
vi.hoisted(() => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
});

import { decideCustomer } from "@/lib/customers/decisions";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { purgeOldDeliveries, recentDeliveries, resendDelivery, sendTestEvent } from "@/lib/webhooks/deliveries";
import { startDeliveryWorker, type DeliveryWorker } from "@/lib/webhooks/delivery-worker";
import { postWebhook } from "@/lib/webhooks/send";
import { verifySignature } from "@/lib/webhooks/signature";
import { startAppServer, type AppServer } from "./helpers/app-server";
import { authHeaders, createExampleCustomer, newPartner, postJson, servePartnerApi } from "./helpers/partner-api";
import { newReviewer, type Reviewer } from "./helpers/accounts";
import { startWebhookReceiver, type Received, type WebhookReceiver } from "./helpers/webhook-receiver";
import { waitUntil } from "./helpers/wait";

const api = servePartnerApi();
let receiver: WebhookReceiver;
let reviewer: Reviewer;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  reviewer = await newReviewer("webhooks", "Wes Reviewer");
});

afterAll(async () => {
  await receiver?.close();
});

let pathCount = 0;
const newPath = (name: string) => `/hooks/${name}-${(pathCount += 1)}`;

interface Partner {
  headers: Record<string, string>;
  endpointId: string;
  secret: string;
}

/** A new partner with one endpoint on the receiver at `path`. */
async function partnerWithEndpoint(
  path: string,
  eventTypes = ["customer.created", "customer.status_changed"],
  baseUrl = api.baseUrl,
): Promise<Partner> {
  const headers = authHeaders(await newPartner());
  const response = await postJson(
    baseUrl,
    "/api/webhook_endpoints",
    { url: receiver.urlFor(path), event_types: eventTypes },
    headers,
  );
  expect(response.status).toBe(200);
  const endpoint = (await response.json()) as { id: string; secret: string };
  return { headers, endpointId: endpoint.id, secret: endpoint.secret };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const signatureOf = (received: Received) => String(received.headers["axisfi-signature"]);
const delivered = (received: Received[]) => received.filter((entry) => entry.answered === 200);

async function decide(customerId: string, decision: string, expectedVersion: number): Promise<void> {
  await decideCustomer(reviewer, { customerId, decision, reason: "checked", expectedVersion });
}

async function deliveryOf(eventId: string) {
  return db.webhookDelivery.findFirstOrThrow({
    where: { eventId },
    include: { attemptsLog: { orderBy: { id: "asc" } } },
  });
}

describe("delivery by the worker of one process", () => {
  let worker: DeliveryWorker;
  const startWorker = () =>
    startDeliveryWorker({
      allowPrivate: true,
      schedule: { delaysMs: [100, 200], retryForMs: 2_000 },
      leaseMs: 30_000,
      pollMs: 200,
    });

  beforeAll(() => {
    worker = startWorker();
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it("POSTs each subscribed event, signed, with the body GET /api/events shows", async () => {
    const path = newPath("signed");
    const partner = await partnerWithEndpoint(path);
    const customer = await createExampleCustomer(api.baseUrl, partner.headers);
    await receiver.waitFor(path, (received) => received.length >= 1, "the event arrives");

    const [request] = receiver.received(path);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(verifySignature(signatureOf(request), [partner.secret], request.body, nowSeconds())).toBe(true);
    expect(verifySignature(signatureOf(request), ["whsec_another"], request.body, nowSeconds())).toBe(false);
    expect(signatureOf(request)).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

    const events = (await (await fetch(`${api.baseUrl}/api/events`, { headers: partner.headers })).json()).data;
    expect(events).toHaveLength(1);
    const body = JSON.parse(request.body);
    expect(Object.keys(body)).toEqual(["id", "type", "created_at", "data"]);
    expect(body).toEqual(events[0]);
    expect(body.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(body.type).toBe("customer.created");
    expect(body.data.customer.customer_id).toBe(customer.customer_id);
    expect(request.headers["axisfi-event-id"]).toBe(body.id);

    await waitUntil(async () => (await deliveryOf(body.id)).status === "delivered", "it is recorded");
    const [delivery] = await recentDeliveries(await partnerIdOf(partner), partner.endpointId);
    expect(delivery).toMatchObject({ eventId: body.id, status: "delivered", attempts: 1, lastStatusCode: 200 });
    expect(delivery.attemptLog).toMatchObject([{ attempt: 1, statusCode: 200, responseExcerpt: "ok" }]);
  });

  it("sends only the types an endpoint subscribed to", async () => {
    const path = newPath("types");
    const partner = await partnerWithEndpoint(path, ["customer.status_changed"]);
    const customer = await createExampleCustomer(api.baseUrl, partner.headers);
    await decide(customer.customer_id, "approve", 0);
    await receiver.waitFor(path, (received) => received.length >= 1, "the status change arrives");
    const types = receiver.received(path).map((entry) => JSON.parse(entry.body).type);
    expect(types).toEqual(["customer.status_changed"]);
    expect(await db.webhookDelivery.count({ where: { endpointId: partner.endpointId } })).toBe(1);
  });

  it("delivers a customer's events in order, a later one waiting while an earlier one is retried", async () => {
    const path = newPath("order");
    const partner = await partnerWithEndpoint(path);
    // The customer.created event of each customer is refused once.
    const refusedOnce = new Set<string>();
    receiver.answer(path, (_, received) => {
      const body = JSON.parse(received.body) as { id: string; type: string };
      if (body.type !== "customer.created" || refusedOnce.has(body.id)) return 200;
      refusedOnce.add(body.id);
      return 500;
    });
    const customers = [];
    for (let index = 0; index < 3; index += 1) {
      const customer = await createExampleCustomer(api.baseUrl, partner.headers);
      customers.push(customer.customer_id);
    }
    // Three status changes each, written right away (the first deliveries are being retried).
    for (const customerId of customers) {
      await decide(customerId, "approve", 0);
      await decide(customerId, "suspend", 1);
      await decide(customerId, "reactivate", 2);
    }
    await receiver.waitFor(path, (received) => delivered(received).length >= 12, "every event is delivered");

    for (const customerId of customers) {
      const events = await db.event.findMany({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      expect(events).toHaveLength(4);
      const requests = receiver
        .received(path)
        .filter((entry) => JSON.parse(entry.body).data.customer.customer_id === customerId);
      // Refused, then retried and delivered, before anything later about this customer was sent.
      expect(requests.map((entry) => [entry.eventId, entry.answered])).toEqual([
        [events[0].id, 500],
        [events[0].id, 200],
        [events[1].id, 200],
        [events[2].id, 200],
        [events[3].id, 200],
      ]);
      expect(requests.slice(2).map((entry) => JSON.parse(entry.body).data.to_status)).toEqual([
        "active",
        "suspended",
        "active",
      ]);
    }
  });

  it("lets one partner's hanging endpoint hold at most 24 of a process's 32 deliveries: others' go on", async () => {
    const slowPath = newPath("hanging");
    const slow = await partnerWithEndpoint(slowPath, ["customer.created"]);
    receiver.answer(slowPath, () => "hang");
    // More events than the process has delivery slots (32), all due when the worker first looks:
    // without a share per partner, the hanging endpoint would take every slot for the whole 10 s
    // timeout. No worker meanwhile, so that none of them is sent before all are there.
    await worker.stop();
    for (let index = 0; index < 40; index += 1) await createExampleCustomer(api.baseUrl, slow.headers);
    expect(await db.webhookDelivery.count({ where: { endpointId: slow.endpointId, status: "pending" } })).toBe(40);
    worker = startWorker();
    await receiver.waitFor(slowPath, () => receiver.held(slowPath) >= 24, "the hanging endpoint holds its share");

    const fastPath = newPath("beside-hanging");
    const fast = await partnerWithEndpoint(fastPath, ["customer.created"]);
    let heldMeanwhile: number | null = null;
    receiver.answer(fastPath, () => {
      heldMeanwhile = receiver.held(slowPath);
      return 200;
    });
    await createExampleCustomer(api.baseUrl, fast.headers);
    await receiver.waitFor(fastPath, (received) => delivered(received).length === 1, "the other partner's event");
    // Delivered while the hanging endpoint held its 24 (fewer would mean the worker's 10 s
    // timeout had freed slots first, and this run proved nothing), and it never held more.
    expect(heldMeanwhile, "requests of the hanging endpoint held when the other partner's arrived").toBe(24);
    expect(receiver.peakHeld(slowPath)).toBe(24);

    // Deleted: its deliveries are given up rather than retried through the other tests.
    const removed = await fetch(`${api.baseUrl}/api/webhook_endpoints/${slow.endpointId}`, {
      method: "DELETE",
      headers: slow.headers,
    });
    expect(removed.status).toBe(200);
  }, 60_000);

  it("retries a refused delivery: 500 twice then 200 gives three requests, and the log shows each", async () => {
    const path = newPath("retry");
    const partner = await partnerWithEndpoint(path, ["customer.created"]);
    receiver.answer(path, (count) => (count < 2 ? 500 : 200));
    await createExampleCustomer(api.baseUrl, partner.headers);
    await receiver.waitFor(path, (received) => delivered(received).length === 1, "the third attempt is answered 200");

    const requests = receiver.received(path);
    expect(requests.map((entry) => entry.answered)).toEqual([500, 500, 200]);
    expect(new Set(requests.map((entry) => entry.eventId)).size).toBe(1);
    expect(requests.map((entry) => entry.headers["axisfi-delivery-attempt"])).toEqual(["1", "2", "3"]);
    for (const request of requests) {
      expect(verifySignature(signatureOf(request), [partner.secret], request.body, nowSeconds())).toBe(true);
    }

    await waitUntil(async () => (await deliveryOf(requests[0].eventId)).status === "delivered", "it is recorded");
    const delivery = await deliveryOf(requests[0].eventId);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, leaseExpiresAt: null });
    expect(
      delivery.attemptsLog.map((attempt) => [attempt.attempt, attempt.statusCode, attempt.responseExcerpt]),
    ).toEqual([
      [1, 500, "refused 500"],
      [2, 500, "refused 500"],
      [3, 200, "ok"],
    ]);
    for (const attempt of delivery.attemptsLog) expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("gives up after the retry window, marks the endpoint failing, and a later success clears it", async () => {
    const path = newPath("failing");
    const partner = await partnerWithEndpoint(path, ["customer.created"]);
    let refusing = true;
    receiver.answer(path, () => (refusing ? 503 : 200));
    await createExampleCustomer(api.baseUrl, partner.headers);
    const [first] = await waitForDeliveries(partner.endpointId, 1);
    await waitUntil(async () => (await deliveryOf(first.eventId)).status === "failed", "the delivery gives up");
    const failed = await deliveryOf(first.eventId);
    expect(failed.attempts).toBeGreaterThanOrEqual(3);
    expect(failed.attemptsLog.every((attempt) => attempt.statusCode === 503)).toBe(true);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: partner.endpointId } });
    expect(endpoint.failingSince).not.toBeNull();

    refusing = false;
    await createExampleCustomer(api.baseUrl, partner.headers);
    await receiver.waitFor(path, (received) => delivered(received).length === 1, "the next event is delivered");
    await waitUntil(
      async () =>
        (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: partner.endpointId } })).failingSince === null,
      "the endpoint is no longer failing",
    );
  });

  it("resends a delivered event, with the same id, and sends a test event to one endpoint", async () => {
    const path = newPath("resend");
    const partner = await partnerWithEndpoint(path, ["customer.created"]);
    const partnerId = await partnerIdOf(partner);
    await createExampleCustomer(api.baseUrl, partner.headers);
    await receiver.waitFor(path, (received) => received.length === 1, "the event arrives");
    await waitUntil(
      async () => (await deliveryOf(receiver.received(path)[0].eventId)).status === "delivered",
      "recorded",
    );
    const [delivery] = await recentDeliveries(partnerId, partner.endpointId);

    await resendDelivery(partnerId, delivery.id);
    await receiver.waitFor(path, (received) => received.length === 2, "the resent event arrives");
    const [first, again] = receiver.received(path);
    expect(again.eventId).toBe(first.eventId);
    expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
    // The attempt is logged once its answer is in, a moment after the receiver has the body.
    await waitUntil(
      async () => (await deliveryOf(first.eventId)).attemptsLog.length === 2,
      "the resend is logged as a second attempt",
    );

    // Another partner cannot resend it.
    const stranger = await newPartner();
    await expect(resendDelivery(stranger.partnerId, delivery.id)).rejects.toMatchObject({ code: "not_found" });
    const by = { type: "user" as const, id: "usr_tester", label: "Tess Tester <tess@partner.example>" };
    await expect(sendTestEvent(stranger.partnerId, partner.endpointId, by)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db.auditEvent.count({ where: { action: "webhook_endpoint.test_sent", actorId: by.id } })).toBe(0);

    const testEventId = await sendTestEvent(partnerId, partner.endpointId, by);
    const sent = await db.auditEvent.findMany({ where: { action: "webhook_endpoint.test_sent", actorId: by.id } });
    expect(sent.map((event) => [event.partnerId, event.actorLabel, event.subject])).toEqual([
      [partnerId, by.label, `${partner.endpointId} (${new URL(receiver.urlFor(path)).host})`],
    ]);
    await receiver.waitFor(path, (received) => received.length === 3, "the test event arrives");
    const test = receiver.received(path)[2];
    expect(JSON.parse(test.body)).toMatchObject({ id: testEventId, type: "endpoint.test", data: {} });
    expect(verifySignature(signatureOf(test), [partner.secret], test.body, nowSeconds())).toBe(true);
    expect(await db.event.count({ where: { id: testEventId } })).toBe(0);
  });

  it("signs with both secrets for 24 hours after a rotation", async () => {
    const path = newPath("rotation");
    const partner = await partnerWithEndpoint(path, ["customer.created"]);
    const response = await postJson(
      api.baseUrl,
      `/api/webhook_endpoints/${partner.endpointId}/rotate_secret`,
      {},
      partner.headers,
    );
    expect(response.status).toBe(200);
    const rotated = (await response.json()) as { id: string; secret: string; previous_secret_expires_at: string };
    expect(rotated.id).toBe(partner.endpointId);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(partner.secret);
    const overlap = Date.parse(rotated.previous_secret_expires_at) - Date.now();
    expect(overlap).toBeGreaterThan(23 * 3600_000);
    expect(overlap).toBeLessThanOrEqual(24 * 3600_000);

    await createExampleCustomer(api.baseUrl, partner.headers);
    await receiver.waitFor(path, (received) => received.length === 1, "the event arrives");
    const [request] = receiver.received(path);
    expect(signatureOf(request)).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifySignature(signatureOf(request), [rotated.secret], request.body, nowSeconds())).toBe(true);
    expect(verifySignature(signatureOf(request), [partner.secret], request.body, nowSeconds())).toBe(true);

    // Once the 24 hours are over, only the new secret signs.
    await db.webhookEndpoint.update({
      where: { id: partner.endpointId },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000) },
    });
    await createExampleCustomer(api.baseUrl, partner.headers);
    await receiver.waitFor(path, (received) => received.length === 2, "the next event arrives");
    const later = receiver.received(path)[1];
    expect(verifySignature(signatureOf(later), [rotated.secret], later.body, nowSeconds())).toBe(true);
    expect(verifySignature(signatureOf(later), [partner.secret], later.body, nowSeconds())).toBe(false);

    const stranger = authHeaders(await newPartner());
    const refused = await postJson(
      api.baseUrl,
      `/api/webhook_endpoints/${partner.endpointId}/rotate_secret`,
      {},
      stranger,
    );
    expect(refused.status).toBe(404);
  });

  it("sends nothing to a deleted endpoint", async () => {
    const path = newPath("deleted");
    const partner = await partnerWithEndpoint(path, ["customer.created"]);
    const removed = await fetch(`${api.baseUrl}/api/webhook_endpoints/${partner.endpointId}`, {
      method: "DELETE",
      headers: partner.headers,
    });
    expect(removed.status).toBe(200);
    await createExampleCustomer(api.baseUrl, partner.headers);
    expect(await db.webhookDelivery.count({ where: { endpointId: partner.endpointId } })).toBe(0);
  });

  it("stops retrying a delivery once its endpoint is deleted, without marking it failing", async () => {
    const path = newPath("deleted-later");
    const partner = await partnerWithEndpoint(path, ["customer.created"]);
    receiver.answer(path, () => 500);
    await createExampleCustomer(api.baseUrl, partner.headers);
    await receiver.waitFor(path, (received) => received.length >= 1, "a first attempt");
    const removed = await fetch(`${api.baseUrl}/api/webhook_endpoints/${partner.endpointId}`, {
      method: "DELETE",
      headers: partner.headers,
    });
    expect(removed.status).toBe(200);
    const eventId = receiver.received(path)[0].eventId;
    await waitUntil(async () => (await deliveryOf(eventId)).status === "failed", "the delivery is given up");
    const sent = receiver.received(path).length;
    const delivery = await deliveryOf(eventId);
    expect(delivery.lastResponseExcerpt).toBe("Not sent: the endpoint was deleted.");
    expect(delivery.attemptsLog.filter((attempt) => attempt.statusCode === 500)).toHaveLength(sent);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: partner.endpointId } });
    expect(endpoint.failingSince).toBeNull();
  });
});

describe("the delivery log's housekeeping", () => {
  it("forgets finished deliveries after 30 days, with their attempts, and keeps pending ones", async () => {
    const path = newPath("purge");
    const partner = await partnerWithEndpoint(path, ["customer.created"]);
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    const make = (status: string) =>
      db.webhookDelivery.create({
        data: {
          endpointId: partner.endpointId,
          eventId: `evt_${crypto.randomUUID().replaceAll("-", "")}`,
          eventType: "endpoint.test",
          status,
          createdAt: old,
          // Not due: no worker runs in this part of the file, and none would pick it up.
          nextAttemptAt: new Date(Date.now() + 3600_000),
          attemptsLog: { create: { attempt: 1, startedAt: old, durationMs: 5, statusCode: 500 } },
        },
      });
    const [delivered, failed, pending] = [await make("delivered"), await make("failed"), await make("pending")];
    const recent = await db.webhookDelivery.create({
      data: { endpointId: partner.endpointId, eventId: "evt_recent", eventType: "endpoint.test", status: "delivered" },
    });
    expect(await purgeOldDeliveries()).toBeGreaterThanOrEqual(2);
    const left = await db.webhookDelivery.findMany({ where: { endpointId: partner.endpointId } });
    expect(left.map((row) => row.id).toSorted()).toEqual([pending.id, recent.id].toSorted());
    expect(await db.webhookDeliveryAttempt.count({ where: { deliveryId: { in: [delivered.id, failed.id] } } })).toBe(0);
    expect(await db.webhookDeliveryAttempt.count({ where: { deliveryId: pending.id } })).toBe(1);
  });
});

describe("addresses refused at delivery time (SSRF)", () => {
  it("does not connect to a host name that resolves to a loopback address, nor to a private literal", async () => {
    const path = newPath("ssrf");
    for (const url of [`http://localhost:${receiver.port}${path}`, `https://localhost:${receiver.port}${path}`]) {
      const result = await postWebhook(url, "{}", {}, { allowPrivate: false });
      expect(result.statusCode).toBeNull();
    }
    const literal = await postWebhook(`https://127.0.0.1:${receiver.port}${path}`, "{}", {}, { allowPrivate: false });
    expect(literal).toMatchObject({ statusCode: null, excerpt: expect.stringMatching(/private or reserved/) });
    const resolved = await postWebhook(`https://localhost:${receiver.port}${path}`, "{}", {}, { allowPrivate: false });
    expect(resolved.excerpt).toMatch(/private or reserved/);
    expect(receiver.received(path)).toHaveLength(0);
    // The same receiver is reached when private addresses are allowed (tests, the demo).
    const allowed = await postWebhook(`http://localhost:${receiver.port}${path}`, "{}", {}, { allowPrivate: true });
    expect(allowed.statusCode).toBe(200);
    expect(receiver.received(path)).toHaveLength(1);
  });
});

async function partnerIdOf(partner: Partner): Promise<string> {
  const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: partner.endpointId } });
  return endpoint.partnerId;
}

async function waitForDeliveries(endpointId: string, count: number) {
  await waitUntil(
    async () => (await db.webhookDelivery.count({ where: { endpointId } })) >= count,
    `${count} deliveries are written`,
  );
  return db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { id: "asc" } });
}

describe("deliveries across app processes", () => {
  const serverEnv = { WEBHOOKS_ALLOW_PRIVATE: "true", WEBHOOK_RETRY_DELAYS_MS: "200", WEBHOOK_LEASE_MS: "2000" };
  const start = () =>
    startAppServer({ databaseUrl: databaseUrl(), dataDir: process.env.DATA_DIR!, appProcesses: 1, env: serverEnv });

  it("two app processes deliver each event once", async () => {
    const path = newPath("two-processes");
    const [first, second] = await Promise.all([start(), start()]);
    try {
      const partner = await partnerWithEndpoint(path, ["customer.created", "customer.status_changed"], first.baseUrl);
      const created = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          createExampleCustomer([first, second][index % 2].baseUrl, partner.headers),
        ),
      );
      for (const customer of created.slice(0, 10)) await decide(customer.customer_id, "approve", 0);
      const eventIds = (await db.event.findMany({ where: { partnerId: await partnerIdOf(partner) } })).map(
        (event) => event.id,
      );
      expect(eventIds).toHaveLength(40);
      await receiver.waitFor(path, (received) => received.length >= 40, "every event arrives", 30_000);
      await waitUntil(
        async () =>
          (await db.webhookDelivery.count({ where: { endpointId: partner.endpointId, status: "delivered" } })) === 40,
        "every delivery is recorded",
      );
      const received = receiver.received(path).map((entry) => entry.eventId);
      expect(received.toSorted()).toEqual(eventIds.toSorted());
      const attempts = await db.webhookDeliveryAttempt.count({
        where: { delivery: { endpointId: partner.endpointId } },
      });
      expect(attempts).toBe(40);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  }, 240_000);

  it("loses nothing when the server is killed between retries and in the middle of a delivery", async () => {
    const path = newPath("restart");
    let server: AppServer = await start();
    try {
      const partner = await partnerWithEndpoint(path, ["customer.created"], server.baseUrl);
      // 500, 500, then the third attempt is held unanswered while the server is killed.
      let phase: "refuse" | "hang" | "accept" = "refuse";
      receiver.answer(path, (count) => (phase === "accept" ? 200 : count < 2 ? 500 : "hang"));
      phase = "hang";
      await createExampleCustomer(server.baseUrl, partner.headers);
      await receiver.waitFor(path, (received) => received.length === 3, "two refusals, then a held attempt");

      // SIGKILL of the whole server (primary and app process) while the third attempt is in flight.
      process.kill(-server.pid, "SIGKILL");
      await server.exited;
      phase = "accept";
      server = await start();
      // The lease of the cut attempt expires (WEBHOOK_LEASE_MS) and the restarted process retries.
      await receiver.waitFor(path, (received) => delivered(received).length === 1, "the event is delivered", 30_000);

      const requests = receiver.received(path);
      expect(new Set(requests.map((entry) => entry.eventId)).size).toBe(1);
      expect(requests.map((entry) => entry.answered)).toEqual([500, 500, null, 200]);
      await waitUntil(async () => (await deliveryOf(requests[0].eventId)).status === "delivered", "it is recorded");
      const delivery = await deliveryOf(requests[0].eventId);
      // The cut attempt counts (it was claimed) but has no answer to log.
      expect(delivery.attempts).toBe(4);
      expect(delivery.attemptsLog.map((attempt) => [attempt.attempt, attempt.statusCode])).toEqual([
        [1, 500],
        [2, 500],
        [4, 200],
      ]);
    } finally {
      await server.stop();
    }
  }, 240_000);
});
