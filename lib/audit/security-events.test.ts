import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createCustomer } from "@/lib/customers/create-customer";
import { decideCustomer } from "@/lib/customers/decisions";
import { db } from "@/lib/db";
import { createApiKey, revokeApiKey } from "@/lib/partners/api-keys";
import { createPartner } from "@/lib/partners/partners";
import { changeRole, createUser, setDisabled, upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import { newPartnerCustomerId } from "@/tests/helpers/partner-api";
import {
  COMPLIANCE_LABEL,
  customerAuditTrail,
  listSecurityEvents,
  SECURITY_ACTIONS,
  SECURITY_EVENTS_PAGE,
  timelineFor,
  userAuditActor,
} from "./audit-events";

const PASSWORD = "a long enough password";

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${process.pid}`;
}

type Person = Actor & { name: string; email: string };

async function newPerson(role: Actor["role"], partnerId: string | null = null): Promise<Person> {
  const email = `${unique(role)}@example.com`;
  const name = `${role} ${counter}`;
  const userId = await upsertUser({ email, name, password: PASSWORD, role, partnerId });
  return { userId, role, partnerId, name, email };
}

async function eventsOf(where: Record<string, unknown>) {
  return db.auditEvent.findMany({ where, orderBy: { id: "asc" } });
}

/** Nothing secret in any column of any event written so far. */
async function expectNoSecretsStored(...secrets: string[]): Promise<void> {
  const everything = JSON.stringify(await db.auditEvent.findMany());
  for (const secret of secrets) expect(everything).not.toContain(secret);
}

describe("sign-in events", () => {
  it("records a successful sign-in by the person, with the client address", async () => {
    const reviewer = await newPerson("reviewer");
    await signInWithPassword(reviewer.email, PASSWORD, "192.0.2.10");
    const [event] = await eventsOf({ action: "sign_in.succeeded", actorId: reviewer.userId });
    expect(event).toMatchObject({
      actorType: "user",
      actorLabel: `${reviewer.name} <${reviewer.email}>`,
      subject: "client address 192.0.2.10",
      customerId: null,
    });
    await expectNoSecretsStored(PASSWORD);
  });

  it("records a failed sign-in: a known account by name, an unknown email only as a keyed hash", async () => {
    const reviewer = await newPerson("reviewer");
    const wrong = "the wrong password, typed";
    await expect(signInWithPassword(reviewer.email, wrong, "192.0.2.11")).rejects.toMatchObject({ status: 401 });
    expect(await eventsOf({ action: "sign_in.failed", actorId: reviewer.userId })).toEqual([
      expect.objectContaining({ actorLabel: `${reviewer.name} <${reviewer.email}>`, reason: "wrong password" }),
    ]);

    // Someone typed their password into the email box: it must not be kept in plain text.
    const typedIntoEmail = `my secret password ${unique("x")}`;
    await expect(signInWithPassword(typedIntoEmail, wrong, "192.0.2.12")).rejects.toMatchObject({ status: 401 });
    await expect(signInWithPassword(typedIntoEmail, wrong, "192.0.2.13")).rejects.toMatchObject({ status: 401 });
    const unknown = await eventsOf({
      action: "sign_in.failed",
      reason: "unknown email",
      subject: { startsWith: "client address 192.0.2.1" },
    });
    expect(unknown).toHaveLength(2);
    expect(unknown[0].actorLabel).toMatch(/^Unknown email \(keyed hash [0-9a-f]{16}\)$/);
    // The same email hashes the same, so repeated attempts are visible as such.
    expect(unknown[1].actorLabel).toBe(unknown[0].actorLabel);
    await expectNoSecretsStored(wrong, typedIntoEmail);
  });

  it("records a throttled sign-in once per lock, not once per refused attempt", async () => {
    const reviewer = await newPerson("reviewer");
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(signInWithPassword(reviewer.email, `guess ${attempt}`, "192.0.2.20")).rejects.toMatchObject({
        status: 401,
      });
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(signInWithPassword(reviewer.email, PASSWORD, "192.0.2.20")).rejects.toMatchObject({
        code: "rate_limited",
        status: 429,
      });
    }
    expect(await eventsOf({ action: "sign_in.throttled", actorId: reviewer.userId })).toEqual([
      expect.objectContaining({ subject: "client address 192.0.2.20" }),
    ]);
  });
});

describe("account events", () => {
  it("records account creation, role changes, disabling and enabling, by the administrator", async () => {
    const admin = await newPerson("admin");
    const email = `${unique("new")}@example.com`;
    const userId = await createUser(admin, { email, name: "Nina New", password: PASSWORD, role: "reviewer" });
    await changeRole(admin, userId, "admin", null);
    await setDisabled(admin, userId, true);
    await setDisabled(admin, userId, false);
    const events = await eventsOf({ subject: `Nina New <${email}>` });
    expect(events.map((event) => [event.action, event.fromStatus, event.toStatus])).toEqual([
      ["account.created", null, "reviewer"],
      ["account.role_changed", "reviewer", "admin"],
      ["account.disabled", null, null],
      ["account.enabled", null, null],
    ]);
    for (const event of events) expect(event.actorLabel).toBe(`${admin.name} <${admin.email}>`);
    await expectNoSecretsStored(PASSWORD);
  });

  it("writes no event for a refused change", async () => {
    const admin = await newPerson("admin");
    const before = await db.auditEvent.count({ where: { action: { startsWith: "account." } } });
    await expect(changeRole(admin, admin.userId, "reviewer", null)).rejects.toMatchObject({ status: 403 });
    await expect(
      createUser(admin, { email: admin.email, name: "Dup", password: PASSWORD, role: "reviewer" }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await db.auditEvent.count({ where: { action: { startsWith: "account." } } })).toBe(before);
  });
});

describe("partner and API key events", () => {
  it("records a partner with its first key, then keys created and revoked, never the secret", async () => {
    const admin = await newPerson("admin");
    const partner = await createPartner(unique("Partner"), { by: userAuditActor(admin) });
    const partnerAdmin = await newPerson("partner_admin", partner.partnerId);
    const pair = await createApiKey(partner.partnerId, userAuditActor(partnerAdmin));
    await revokeApiKey(partner.partnerId, pair.publicKey, userAuditActor(partnerAdmin));
    const events = await eventsOf({ partnerId: partner.partnerId, action: { not: { startsWith: "sign_in." } } });
    expect(events.map((event) => [event.action, event.actorId, event.subject])).toEqual([
      ["partner.created", admin.userId, partner.name],
      ["api_key.created", admin.userId, partner.apiKey.publicKey],
      ["api_key.created", partnerAdmin.userId, pair.publicKey],
      ["api_key.revoked", partnerAdmin.userId, pair.publicKey],
    ]);
    await expectNoSecretsStored(partner.apiKey.secret.slice(3), pair.secret.slice(3));
  });

  it("refuses a bad partner name with an AppError and writes nothing", async () => {
    const before = await db.auditEvent.count();
    await expect(createPartner("   ")).rejects.toMatchObject({ code: "validation_error", status: 400 });
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("listSecurityEvents", () => {
  it("lists security events newest first, of one kind when asked, for administrators only", async () => {
    const admin = await newPerson("admin");
    const reviewer = await newPerson("reviewer");
    await createPartner(unique("Listed partner"), { by: userAuditActor(admin), withoutKey: true });
    await signInWithPassword(reviewer.email, PASSWORD, "192.0.2.30");

    const all = await listSecurityEvents(admin);
    expect(all.events[0]).toMatchObject({ action: "sign_in.succeeded", actor: { id: reviewer.userId } });
    expect(all.events[1]).toMatchObject({ action: "partner.created", actor: { id: admin.userId } });
    const ids = all.events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort().reverse());
    // Customer events never appear.
    expect(all.events.every((event) => event.customerId === null)).toBe(true);

    const partnersOnly = await listSecurityEvents(admin, { kind: "partner" });
    expect(partnersOnly.events.length).toBeGreaterThan(0);
    expect(partnersOnly.events.every((event) => event.action === "partner.created")).toBe(true);

    await expect(listSecurityEvents(reviewer)).rejects.toMatchObject({ code: "forbidden", status: 403 });
  });

  it("pages through more than a page of events: each event once, newest first, the last page saying so", async () => {
    const admin = await newPerson("admin");
    // More security events than one page holds, whatever the other tests of this file wrote.
    for (let index = 0; index <= SECURITY_EVENTS_PAGE; index += 1) {
      await createPartner(unique("Paged partner"), { by: userAuditActor(admin), withoutKey: true });
    }
    const stored = await db.auditEvent.findMany({
      where: { action: { in: [...SECURITY_ACTIONS] } },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    expect(stored.length).toBeGreaterThan(SECURITY_EVENTS_PAGE);

    const first = await listSecurityEvents(admin);
    expect(first.events).toHaveLength(SECURITY_EVENTS_PAGE);
    expect(first.olderThan).toBe(first.events[SECURITY_EVENTS_PAGE - 1].id);
    const pages = [first];
    while (pages.at(-1)!.olderThan) {
      expect(pages.length).toBeLessThanOrEqual(stored.length / SECURITY_EVENTS_PAGE);
      pages.push(await listSecurityEvents(admin, { before: pages.at(-1)!.olderThan }));
    }
    expect(pages.at(-1)!.events.length).toBeGreaterThan(0);
    expect(pages.at(-1)!.events.length).toBeLessThanOrEqual(SECURITY_EVENTS_PAGE);
    // Every stored security event exactly once, in order: no page overlaps or skips the next.
    expect(pages.flatMap((page) => page.events.map((event) => event.id))).toEqual(stored.map((event) => event.id));

    // The same with a kind: only partner events, still each once.
    const partnerEvents = await db.auditEvent.count({ where: { action: "partner.created" } });
    expect(partnerEvents).toBeGreaterThan(SECURITY_EVENTS_PAGE);
    const partnerPage = await listSecurityEvents(admin, { kind: "partner" });
    expect(partnerPage.olderThan).not.toBeNull();
    const nextPartnerPage = await listSecurityEvents(admin, { kind: "partner", before: partnerPage.olderThan });
    const partnerIds = [...partnerPage.events, ...nextPartnerPage.events].map((event) => event.id);
    expect(new Set(partnerIds).size).toBe(partnerIds.length);
    expect(partnerIds.length).toBe(Math.min(partnerEvents, 2 * SECURITY_EVENTS_PAGE));
    expect(
      [...partnerPage.events, ...nextPartnerPage.events].every((event) => event.action === "partner.created"),
    ).toBe(true);
  });
});

describe("timelineFor", () => {
  it("shows partner staff every decision and reason but not the reviewer's name; reviewers see names", async () => {
    const partner = await createPartner(unique("Timeline partner"));
    const partnerUser = await newPerson("partner_user", partner.partnerId);
    const reviewer = await newPerson("reviewer");
    const customer = await createCustomer(exampleCustomerRequest(newPartnerCustomerId()), {
      partnerId: partner.partnerId,
      actor: userAuditActor(partnerUser),
    });
    await decideCustomer(reviewer, {
      customerId: customer.customer_id,
      decision: "approve",
      reason: "Documents check out.",
      expectedVersion: 0,
    });
    const trail = await customerAuditTrail(customer.customer_id);

    const forPartner = await timelineFor(partnerUser, trail);
    expect(forPartner.map((event) => [event.action, event.actor.label, event.reason ?? null])).toEqual([
      ["customer.created", `${partnerUser.name} <${partnerUser.email}>`, null],
      ["customer.approved", COMPLIANCE_LABEL, "Documents check out."],
    ]);
    expect(JSON.stringify(forPartner)).not.toContain(reviewer.email);
    expect(JSON.stringify(forPartner)).not.toContain(reviewer.userId);

    const forReviewer = await timelineFor(reviewer, trail);
    expect(forReviewer[1].actor.label).toBe(`${reviewer.name} <${reviewer.email}>`);
  });
});
