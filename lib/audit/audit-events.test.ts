import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer } from "@/lib/customers/create-customer";
import { decideCustomer } from "@/lib/customers/decisions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import { newPartner, newPartnerCustomerId } from "@/tests/helpers/partner-api";
import * as auditEvents from "./audit-events";
import { auditEventRow, customerAuditTrail, recordAuditEvent, userAuditActor, type AuditEntry } from "./audit-events";

const API_KEY_ACTOR = { type: "api_key", id: "key_test", label: "API key pk_test" } as const;

async function newCustomer(partnerId: string, partnerCustomerId = newPartnerCustomerId()): Promise<string> {
  const customer = await createCustomer(exampleCustomerRequest(partnerCustomerId), {
    partnerId,
    actor: API_KEY_ACTOR,
  });
  return customer.customer_id;
}

let partnerId: string;

beforeAll(async () => {
  partnerId = (await newPartner()).partnerId;
});

describe("the audit trail is append-only in the database", () => {
  let eventId: string;
  let customerId: string;

  beforeAll(async () => {
    customerId = await newCustomer(partnerId);
    const event = await db.auditEvent.findFirstOrThrow({ where: { customerId } });
    eventId = event.id;
  });

  const attempts: [string, () => Promise<unknown>][] = [
    ["update", () => db.auditEvent.update({ where: { id: eventId }, data: { reason: "Edited afterwards." } })],
    [
      "update of the actor",
      () => db.auditEvent.update({ where: { id: eventId }, data: { actorLabel: "Someone else" } }),
    ],
    ["updateMany of the row", () => db.auditEvent.updateMany({ where: { id: eventId }, data: { toStatus: "active" } })],
    ["updateMany of every row", () => db.auditEvent.updateMany({ data: { reason: "Rewritten." } })],
    [
      "upsert of the existing row",
      () =>
        db.auditEvent.upsert({
          where: { id: eventId },
          create: auditEventRow({ actor: API_KEY_ACTOR, action: "customer.created", customerId, partnerId }),
          update: { action: "customer.approved" },
        }),
    ],
    ["TRUNCATE", () => db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)],
    ["delete", () => db.auditEvent.delete({ where: { id: eventId } })],
    ["deleteMany of the row", () => db.auditEvent.deleteMany({ where: { id: eventId } })],
    ["deleteMany of every row", () => db.auditEvent.deleteMany()],
    [
      "update inside a transaction",
      () =>
        db.$transaction(async (tx) => tx.auditEvent.update({ where: { id: eventId }, data: { reason: "Quietly." } })),
    ],
    [
      "raw UPDATE",
      () => db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "reason" = 'Edited in SQL.' WHERE "id" = $1`, eventId),
    ],
    ["raw UPDATE of every row", () => db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorLabel" = 'nobody'`)],
    ["raw DELETE", () => db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = $1`, eventId)],
    ["raw DELETE of every row", () => db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)],
    [
      "raw INSERT ... ON CONFLICT DO UPDATE",
      () =>
        db.$executeRawUnsafe(
          `INSERT INTO "AuditEvent" ("id", "at", "actorType", "actorId", "actorLabel", "action", "customerId", "partnerId")
           SELECT "id", "at", "actorType", "actorId", "actorLabel", "action", "customerId", "partnerId"
           FROM "AuditEvent" WHERE "id" = $1
           ON CONFLICT ("id") DO UPDATE SET "actorLabel" = 'Someone else'`,
          eventId,
        ),
    ],
  ];

  it.each(attempts)("refuses %s and leaves the row as it was", async (_label, attempt) => {
    const before = await db.auditEvent.findUniqueOrThrow({ where: { id: eventId } });
    const count = await db.auditEvent.count();
    const error = await attempt().then(
      () => null,
      (caught: unknown) => caught,
    );
    // Refused by the database's trigger, whether Prisma or raw SQL asked.
    expect(error).toBeInstanceOf(Error);
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).toContain("audit events are append-only");
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: eventId } })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(count);
  });

  it("still accepts new events after the refusals", async () => {
    const before = await db.auditEvent.count({ where: { customerId } });
    await recordAuditEvent({ actor: API_KEY_ACTOR, action: "document.viewed", customerId, partnerId, subject: "x" });
    expect(await db.auditEvent.count({ where: { customerId } })).toBe(before + 1);
  });
});

describe("audit-events module", () => {
  it("exports nothing that edits or deletes an event", () => {
    expect(Object.keys(auditEvents).sort()).toEqual(
      [
        "auditEventRow",
        "customerAuditTrail",
        "recordAuditEvent",
        "userAuditActor",
        // Read-only: the security events and the timeline as each viewer sees it.
        "CLI_ACTOR",
        "COMPLIANCE_LABEL",
        "SECURITY_ACTIONS",
        "SECURITY_EVENTS_PAGE",
        "SECURITY_EVENT_KINDS",
        "isSecurityEventKind",
        "listSecurityEvents",
        "timelineFor",
      ].sort(),
    );
  });

  it("labels a person by name and email, or by id when there is no name", () => {
    expect(userAuditActor({ userId: "usr_1", name: "Rita Reviewer", email: "rita@example.com" })).toEqual({
      type: "user",
      id: "usr_1",
      label: "Rita Reviewer <rita@example.com>",
    });
    expect(userAuditActor({ userId: "usr_2" })).toEqual({ type: "user", id: "usr_2", label: "usr_2" });
  });
});

describe("customerAuditTrail", () => {
  it("lists a customer's events oldest first, whatever order they were written in, and no one else's", async () => {
    const customerId = await newCustomer(partnerId);
    const otherCustomerId = await newCustomer(partnerId);
    const created = await db.auditEvent.findFirstOrThrow({ where: { customerId } });
    const base = created.at.getTime();
    const entry = (subject: string): AuditEntry => ({
      actor: API_KEY_ACTOR,
      action: "document.viewed",
      customerId,
      partnerId,
      subject,
    });
    // Written newest first, so that insertion order and time order disagree.
    const rows = [
      auditEventRow(entry("third"), new Date(base + 3_000)),
      auditEventRow(entry("first"), new Date(base + 1_000)),
      auditEventRow(entry("second"), new Date(base + 2_000)),
    ];
    for (const row of rows) await db.auditEvent.create({ data: row });
    await db.auditEvent.create({
      data: auditEventRow({ ...entry("someone else's"), customerId: otherCustomerId }, new Date(base + 1_500)),
    });

    const trail = await customerAuditTrail(customerId);
    expect(trail.map((event) => event.subject ?? event.action)).toEqual([
      "customer.created",
      "first",
      "second",
      "third",
    ]);
    expect(trail.every((event) => event.customerId === customerId)).toBe(true);
    const times = trail.map((event) => event.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("tells a review's story in order, with who, what, from, to and why", async () => {
    const reviewerId = await upsertUser({
      email: "trail-reviewer@example.com",
      name: "Rita Reviewer",
      password: "a long enough password",
      role: "reviewer",
    });
    const reviewer = {
      userId: reviewerId,
      role: "reviewer" as const,
      partnerId: null,
      name: "Rita Reviewer",
      email: "trail-reviewer@example.com",
    };
    const customerId = await newCustomer(partnerId);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    await pause();
    await decideCustomer(reviewer, { customerId, decision: "approve", reason: "Documents match.", expectedVersion: 0 });
    await pause();
    await decideCustomer(reviewer, { customerId, decision: "suspend", reason: "Chargebacks.", expectedVersion: 1 });
    await pause();
    await decideCustomer(reviewer, { customerId, decision: "reactivate", reason: "Resolved.", expectedVersion: 2 });

    const trail = await customerAuditTrail(customerId);
    expect(
      trail.map(({ actor, action, fromStatus, toStatus, reason, partnerId: eventPartnerId }) => ({
        actor,
        action,
        fromStatus,
        toStatus,
        reason,
        partnerId: eventPartnerId,
      })),
    ).toEqual([
      {
        actor: API_KEY_ACTOR,
        action: "customer.created",
        fromStatus: null,
        toStatus: "pending",
        reason: null,
        partnerId,
      },
      {
        actor: { type: "user", id: reviewerId, label: "Rita Reviewer <trail-reviewer@example.com>" },
        action: "customer.approved",
        fromStatus: "pending",
        toStatus: "active",
        reason: "Documents match.",
        partnerId,
      },
      {
        actor: { type: "user", id: reviewerId, label: "Rita Reviewer <trail-reviewer@example.com>" },
        action: "customer.suspended",
        fromStatus: "active",
        toStatus: "suspended",
        reason: "Chargebacks.",
        partnerId,
      },
      {
        actor: { type: "user", id: reviewerId, label: "Rita Reviewer <trail-reviewer@example.com>" },
        action: "customer.reactivated",
        fromStatus: "suspended",
        toStatus: "active",
        reason: "Resolved.",
        partnerId,
      },
    ]);
  });

  it("is empty for a customer with no events", async () => {
    expect(await customerAuditTrail(`cus_${"0".repeat(32)}`)).toEqual([]);
  });
});

describe("createCustomer and the audit trail", () => {
  it("writes one customer.created event by the API key, with status pending, at the customer's creation time", async () => {
    const customerId = await newCustomer(partnerId);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    const events = await db.auditEvent.findMany({ where: { customerId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "api_key",
      actorId: "key_test",
      actorLabel: "API key pk_test",
      action: "customer.created",
      customerId,
      partnerId,
      fromStatus: null,
      toStatus: "pending",
      reason: null,
      subject: null,
    });
    expect(events[0].at.getTime()).toBe(customer.createdAt.getTime());
  });

  it("writes the event by the person when a person creates the customer", async () => {
    const userId = await upsertUser({
      email: "paula@example.com",
      name: "Paula Partner",
      password: "a long enough password",
      role: "partner_user",
      partnerId,
    });
    const actor = userAuditActor({ userId, name: "Paula Partner", email: "paula@example.com" });
    const customer = await createCustomer(exampleCustomerRequest(newPartnerCustomerId()), { partnerId, actor });
    const events = await customerAuditTrail(customer.customer_id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { type: "user", id: userId, label: "Paula Partner <paula@example.com>" },
      action: "customer.created",
      toStatus: "pending",
    });
  });

  it("writes no event when the request is invalid", async () => {
    const before = await db.auditEvent.count();
    const customersBefore = await db.customer.count();
    const invalid = exampleCustomerRequest("too-short") as unknown as Record<string, Record<string, unknown>>;
    invalid.registration_address.registration_address_country_code = "XX";
    const attempt = createCustomer(invalid, { partnerId, actor: API_KEY_ACTOR });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "validation_error", status: 400 });
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.customer.count()).toBe(customersBefore);
  });

  it("writes no event when the request refers to a file the partner does not own", async () => {
    const before = await db.auditEvent.count();
    const request = exampleCustomerRequest(newPartnerCustomerId(), { idFrontFileId: `file_${"0".repeat(32)}` });
    await expect(createCustomer(request, { partnerId, actor: API_KEY_ACTOR })).rejects.toMatchObject({
      code: "validation_error",
    });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("writes no event for a duplicate partner_customer_id", async () => {
    const partnerCustomerId = newPartnerCustomerId();
    const customerId = await newCustomer(partnerId, partnerCustomerId);
    const before = await db.auditEvent.count();
    await expect(newCustomer(partnerId, partnerCustomerId)).rejects.toMatchObject({
      code: "duplicate_partner_customer_id",
      status: 409,
    });
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { customerId } })).toBe(1);
  });

  it("writes one event for one customer when the same partner_customer_id is created several times at once", async () => {
    const partner = await newPartner();
    const partnerCustomerId = newPartnerCustomerId();
    const before = await db.auditEvent.count();
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => newCustomer(partner.partnerId, partnerCustomerId)),
    );
    const created = results.filter((result) => result.status === "fulfilled");
    expect(created).toHaveLength(1);
    for (const result of results.filter((candidate) => candidate.status === "rejected")) {
      expect(result.reason).toMatchObject({ code: "duplicate_partner_customer_id" });
    }
    expect(await db.auditEvent.count()).toBe(before + 1);
    const events = await db.auditEvent.findMany({ where: { partnerId: partner.partnerId, customerId: { not: null } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      customerId: (created[0] as PromiseFulfilledResult<string>).value,
      action: "customer.created",
    });
  });

  it("writes one event per customer when several are created at once", async () => {
    const partner = await newPartner();
    const ids = await Promise.all(Array.from({ length: 8 }, () => newCustomer(partner.partnerId)));
    const events = await db.auditEvent.findMany({ where: { partnerId: partner.partnerId, customerId: { not: null } } });
    expect(events.map((event) => event.customerId).sort()).toEqual([...ids].sort());
    expect(events.every((event) => event.action === "customer.created")).toBe(true);
  });
});

describe("events written in one millisecond", () => {
  it("keep the order they were written in", async () => {
    const customerId = await newCustomer(partnerId);
    const at = new Date();
    const actions = ["document.viewed", "identity.revealed", "document.viewed", "identity.revealed"] as const;
    for (const action of actions) {
      await db.auditEvent.create({ data: auditEventRow({ actor: API_KEY_ACTOR, action, customerId, partnerId }, at) });
    }
    const trail = await customerAuditTrail(customerId);
    expect(trail.map((event) => event.action).slice(-4)).toEqual([...actions]);
  });
});
