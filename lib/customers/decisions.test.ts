import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { englishOf } from "@/tests/helpers/said";
import { CommitGate } from "@/tests/helpers/commit-gate";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import { newPartner, newPartnerCustomerId } from "@/tests/helpers/partner-api";
import { listPartnerEvents } from "@/lib/events/event-queries";
import { createCustomer } from "./create-customer";
import { decideCustomer, decisionsFor, REASON_MAX, REASON_MIN, type Decision } from "./decisions";
import type { CustomerStatus } from "./schema";

type StaffActor = Actor & { name: string; email: string };

const PASSWORD = "a long enough password";
const API_KEY_ACTOR = { type: "api_key", id: "key_test", label: "API key pk_test" } as const;

let userCount = 0;

async function newActor(role: Role, name: string, partnerId: string | null = null): Promise<StaffActor> {
  userCount += 1;
  const email = `decisions-${userCount}@example.com`;
  const userId = await upsertUser({ email, name, password: PASSWORD, role, partnerId });
  return { userId, role, partnerId, name, email };
}

async function newCustomer(partnerId: string): Promise<string> {
  const customer = await createCustomer(exampleCustomerRequest(newPartnerCustomerId()), {
    partnerId,
    actor: API_KEY_ACTOR,
  });
  return customer.customer_id;
}

/** What a decision may change: the status, the version, the audit trail and the partner's events. */
async function snapshot(customerId: string) {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { status: true, version: true, updatedAt: true },
  });
  const events = await db.auditEvent.findMany({ where: { customerId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const outbox = await db.event.findMany({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { ...customer, events, outbox };
}

async function decisionEvents(customerId: string) {
  return db.auditEvent.findMany({
    where: { customerId, action: { not: "customer.created" } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
}

/** The real decisions that bring a new (pending) customer to each status. */
const PATH_TO: Record<CustomerStatus, Decision[]> = {
  pending: [],
  active: ["approve"],
  rejected: ["reject"],
  suspended: ["approve", "suspend"],
};

const STATUSES = Object.keys(PATH_TO) as CustomerStatus[];
const ALL_DECISIONS: Decision[] = ["approve", "reject", "suspend", "reactivate"];

/** The only transitions there are, written out here so that a change to the table fails this test. */
const ALLOWED = [
  { decision: "approve", from: "pending", to: "active", action: "customer.approved" },
  { decision: "reject", from: "pending", to: "rejected", action: "customer.rejected" },
  { decision: "suspend", from: "active", to: "suspended", action: "customer.suspended" },
  { decision: "reactivate", from: "suspended", to: "active", action: "customer.reactivated" },
] as const;

/** What the refusal must say is still possible, per status. */
const POSSIBLE: Record<CustomerStatus, string> = {
  pending: "A pending customer can only be: approve or reject.",
  active: "A active customer can only be: suspend.",
  suspended: "A suspended customer can only be: reactivate.",
  rejected: "A rejected customer cannot change status.",
};

const LABELS: Record<Decision, string> = {
  approve: "Approve",
  reject: "Reject",
  suspend: "Suspend",
  reactivate: "Reactivate",
};

let partnerId: string;
let reviewer: StaffActor;
let secondReviewer: StaffActor;

beforeAll(async () => {
  partnerId = (await newPartner()).partnerId;
  reviewer = await newActor("reviewer", "Rita Reviewer");
  secondReviewer = await newActor("reviewer", "Sam Second");
});

/** A new customer brought to `status` through real decisions; returns its id and current version. */
async function customerIn(status: CustomerStatus): Promise<{ customerId: string; version: number }> {
  const customerId = await newCustomer(partnerId);
  let version = 0;
  for (const decision of PATH_TO[status]) {
    ({ version } = await decideCustomer(reviewer, {
      customerId,
      decision,
      reason: "Setting up the test.",
      expectedVersion: version,
    }));
  }
  expect(await db.customer.findUniqueOrThrow({ where: { id: customerId } })).toMatchObject({ status, version });
  return { customerId, version };
}

describe("decideCustomer: the allowed transitions", () => {
  it.each(ALLOWED)(
    "$decision moves a $from customer to $to, bumps the version and records one event",
    async ({ decision, from, to, action }) => {
      const { customerId, version } = await customerIn(from);
      const before = await snapshot(customerId);

      const result = await decideCustomer(reviewer, {
        customerId,
        decision,
        reason: "  Checked against the registry.  ",
        expectedVersion: version,
      });

      expect(result).toEqual({ status: to, version: version + 1 });
      const after = await snapshot(customerId);
      expect(after.status).toBe(to);
      expect(after.version).toBe(version + 1);
      // Everything already in the trail is still there, as it was, plus exactly one event.
      expect(after.events.slice(0, before.events.length)).toEqual(before.events);
      expect(after.events).toHaveLength(before.events.length + 1);
      expect(after.events.at(-1)).toMatchObject({
        actorType: "user",
        actorId: reviewer.userId,
        actorLabel: `Rita Reviewer <${reviewer.email}>`,
        action,
        customerId,
        partnerId,
        fromStatus: from,
        toStatus: to,
        reason: "Checked against the registry.",
        subject: null,
      });
      // And the partner's outbox gains exactly one status change.
      expect(after.outbox.slice(0, before.outbox.length)).toEqual(before.outbox);
      expect(after.outbox.slice(before.outbox.length)).toMatchObject([
        { type: "customer.status_changed", customerId, partnerId },
      ]);
    },
  );

  it("lets a customer go round approve, suspend, reactivate, suspend with a version per step", async () => {
    const { customerId } = await customerIn("pending");
    const steps: [Decision, CustomerStatus][] = [
      ["approve", "active"],
      ["suspend", "suspended"],
      ["reactivate", "active"],
      ["suspend", "suspended"],
    ];
    let version = 0;
    for (const [decision, status] of steps) {
      const result = await decideCustomer(reviewer, {
        customerId,
        decision,
        reason: `Step ${decision}`,
        expectedVersion: version,
      });
      expect(result).toEqual({ status, version: version + 1 });
      version = result.version;
    }
    expect((await decisionEvents(customerId)).map((event) => [event.action, event.fromStatus, event.toStatus])).toEqual(
      [
        ["customer.approved", "pending", "active"],
        ["customer.suspended", "active", "suspended"],
        ["customer.reactivated", "suspended", "active"],
        ["customer.suspended", "active", "suspended"],
      ],
    );
  });
});

describe("decideCustomer: every other transition", () => {
  const refused = STATUSES.flatMap((status) =>
    ALL_DECISIONS.filter(
      (decision) => !ALLOWED.some((allowed) => allowed.decision === decision && allowed.from === status),
    ).map((decision) => ({ decision, status })),
  );

  it("covers the twelve pairs that are not transitions", () => {
    expect(refused).toHaveLength(STATUSES.length * ALL_DECISIONS.length - ALLOWED.length);
    expect(refused).toHaveLength(12);
  });

  it.each(refused)(
    "refuses $decision for a $status customer, names what is possible, and changes nothing",
    async ({ decision, status }) => {
      const { customerId, version } = await customerIn(status);
      const before = await snapshot(customerId);

      const attempt = decideCustomer(reviewer, {
        customerId,
        decision,
        reason: "Trying anyway.",
        expectedVersion: version,
      });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: "invalid_transition", status: 422 });
      const error = (await attempt.catch((caught: unknown) => caught)) as AppError;
      expect(englishOf(error)).toBe(`${LABELS[decision]} is not possible: ${POSSIBLE[status]}`);

      expect(await snapshot(customerId)).toEqual(before);
    },
  );

  it.each(["delete", "toString", "__proto__", "constructor", "Approve", ""])(
    "refuses an unknown decision %j and changes nothing",
    async (decision) => {
      const { customerId, version } = await customerIn("pending");
      const before = await snapshot(customerId);
      await expect(
        decideCustomer(reviewer, { customerId, decision, reason: "A reason.", expectedVersion: version }),
      ).rejects.toMatchObject({ code: "invalid_transition", status: 422 });
      expect(await snapshot(customerId)).toEqual(before);
    },
  );
});

describe("decideCustomer: the reason", () => {
  it.each([
    ["empty", ""],
    ["blank", "   \t\n "],
    ["too short", "ab"],
    ["too short once trimmed", `  ${"a".repeat(REASON_MIN - 1)}   `],
    ["too long", "a".repeat(REASON_MAX + 1)],
    ["too long once trimmed", ` ${"a".repeat(REASON_MAX + 1)} `],
  ])("refuses a reason that is %s, on the reason field, and changes nothing", async (_label, reason) => {
    const { customerId, version } = await customerIn("pending");
    const before = await snapshot(customerId);
    const attempt = decideCustomer(reviewer, { customerId, decision: "approve", reason, expectedVersion: version });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "validation_error",
      status: 400,
      details: [expect.objectContaining({ field: "reason" })],
    });
    expect(await snapshot(customerId)).toEqual(before);
  });

  it.each([
    ["missing", undefined],
    ["null", null],
    ["a number", 42],
  ])("refuses a reason that is %s with 400, not a crash", async (_label, reason) => {
    const { customerId, version } = await customerIn("pending");
    const before = await snapshot(customerId);
    await expect(
      decideCustomer(reviewer, { customerId, decision: "approve", reason, expectedVersion: version }),
    ).rejects.toMatchObject({ code: "validation_error", status: 400 });
    expect(await snapshot(customerId)).toEqual(before);
  });

  it("refuses a decision without a version to check against", async () => {
    const { customerId } = await customerIn("pending");
    await expect(
      decideCustomer(reviewer, { customerId, decision: "approve", reason: "Looks right.", expectedVersion: "0" }),
    ).rejects.toMatchObject({ code: "validation_error", status: 400 });
  });

  it("accepts a reason of exactly the shortest and the longest length", async () => {
    const shortest = await customerIn("pending");
    await decideCustomer(reviewer, {
      customerId: shortest.customerId,
      decision: "approve",
      reason: ` ${"a".repeat(REASON_MIN)} `,
      expectedVersion: shortest.version,
    });
    expect((await decisionEvents(shortest.customerId))[0].reason).toBe("a".repeat(REASON_MIN));

    const longest = await customerIn("pending");
    await decideCustomer(reviewer, {
      customerId: longest.customerId,
      decision: "reject",
      reason: "b".repeat(REASON_MAX),
      expectedVersion: longest.version,
    });
    expect((await decisionEvents(longest.customerId))[0].reason).toBe("b".repeat(REASON_MAX));
  });
});

describe("decideCustomer: concurrent reviewers", () => {
  it("refuses a decision made on a version that is no longer current, and changes nothing", async () => {
    const { customerId } = await customerIn("active"); // version 1, after the approval
    const before = await snapshot(customerId);
    for (const expectedVersion of [0, 2, 7]) {
      const attempt = decideCustomer(secondReviewer, {
        customerId,
        decision: "suspend",
        reason: "Stale view.",
        expectedVersion,
      });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: "conflict", status: 409 });
    }
    expect(await snapshot(customerId)).toEqual(before);
  });

  it("answers a stale approval of an already rejected customer with a conflict, not a transition error", async () => {
    const { customerId } = await customerIn("pending");
    await decideCustomer(reviewer, { customerId, decision: "reject", reason: "Not eligible.", expectedVersion: 0 });
    const attempt = decideCustomer(secondReviewer, {
      customerId,
      decision: "approve",
      reason: "Looks fine.",
      expectedVersion: 0,
    });
    await expect(attempt).rejects.toMatchObject({ code: "conflict", status: 409 });
    // The reviewer is told what the customer is now.
    expect(englishOf((await attempt.catch((caught: unknown) => caught)) as AppError)).toMatch(/now rejected/);
  });

  it("lets exactly one of two reviewers deciding at once win; the other is told of the conflict", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { customerId } = await customerIn("pending");
      const results = await Promise.allSettled([
        decideCustomer(reviewer, { customerId, decision: "approve", reason: "Approve it.", expectedVersion: 0 }),
        decideCustomer(secondReviewer, { customerId, decision: "reject", reason: "Reject it.", expectedVersion: 0 }),
      ]);
      const won = results.filter((result) => result.status === "fulfilled");
      const lost = results.filter((result) => result.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(AppError);
      expect(lost[0].reason).toMatchObject({ code: "conflict", status: 409 });

      const winner = (won[0] as PromiseFulfilledResult<{ status: CustomerStatus; version: number }>).value;
      const stored = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
      expect(stored).toMatchObject({ status: winner.status, version: 1 });
      const events = await decisionEvents(customerId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: winner.status === "active" ? "customer.approved" : "customer.rejected",
        toStatus: winner.status,
        actorId: winner.status === "active" ? reviewer.userId : secondReviewer.userId,
      });
      // The partner is told of the winner only.
      const told = await listPartnerEvents(partnerId, { type: "customer.status_changed", limit: 100 });
      const changes = told.data.filter((event) => event.data.customer.customer_id === customerId);
      expect(changes.map((event) => [event.data.from_status, event.data.to_status])).toEqual([
        ["pending", winner.status],
      ]);
      expect(changes[0].data.customer.status).toBe(winner.status);
    }
  });

  it("refuses a decision read while another on the same version was being committed", async () => {
    const { customerId } = await customerIn("pending");
    // The approval is held at its commit: written, not yet visible. The rejection reads the
    // customer as still pending at version 0, so only the version in its UPDATE can stop it.
    const gate = await CommitGate.close("Customer");
    let results: PromiseSettledResult<unknown>[];
    try {
      const approval = decideCustomer(reviewer, { customerId, decision: "approve", reason: "OK.", expectedVersion: 0 });
      await gate.waitForLockWaiters(1);
      const rejection = decideCustomer(secondReviewer, {
        customerId,
        decision: "reject",
        reason: "Not OK.",
        expectedVersion: 0,
      });
      await gate.waitForSettledOrLockWaiters(rejection, 2);
      await gate.open();
      results = await Promise.allSettled([approval, rejection]);
    } finally {
      await gate.remove();
    }
    expect(results[0]).toEqual({ status: "fulfilled", value: { status: "active", version: 1 } });
    expect(results[1].status === "rejected" && results[1].reason).toMatchObject({ code: "conflict", status: 409 });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customerId } })).toMatchObject({
      status: "active",
      version: 1,
    });
    expect((await decisionEvents(customerId)).map((event) => event.action)).toEqual(["customer.approved"]);
  });

  it("lets only one of many identical decisions at once through", async () => {
    const { customerId, version } = await customerIn("active");
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        decideCustomer(reviewer, { customerId, decision: "suspend", reason: "Suspicious.", expectedVersion: version }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((candidate) => candidate.status === "rejected")) {
      expect(result.reason).toMatchObject({ code: "conflict", status: 409 });
    }
    expect(await db.customer.findUniqueOrThrow({ where: { id: customerId } })).toMatchObject({
      status: "suspended",
      version: version + 1,
    });
    expect((await decisionEvents(customerId)).filter((event) => event.action === "customer.suspended")).toHaveLength(1);
  });
});

describe("decideCustomer: who may decide", () => {
  it.each(["partner_admin", "partner_user", "admin"] as const)(
    "refuses a %s, even on their own partner's customer, and changes nothing",
    async (role) => {
      const actor = await newActor(role, `Someone ${role}`, role === "admin" ? null : partnerId);
      for (const status of STATUSES) {
        const { customerId, version } = await customerIn(status);
        const before = await snapshot(customerId);
        for (const decision of ALL_DECISIONS) {
          const attempt = decideCustomer(actor, {
            customerId,
            decision,
            reason: "I decide.",
            expectedVersion: version,
          });
          await expect(attempt).rejects.toBeInstanceOf(AppError);
          await expect(attempt).rejects.toMatchObject({ code: "forbidden", status: 403 });
        }
        expect(await snapshot(customerId)).toEqual(before);
      }
    },
  );

  it("refuses a partner role without a partner", async () => {
    const { customerId } = await customerIn("pending");
    const before = await snapshot(customerId);
    const broken: StaffActor = { ...(await newActor("partner_user", "Broken Account", partnerId)), partnerId: null };
    await expect(
      decideCustomer(broken, { customerId, decision: "approve", reason: "Approve.", expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: "forbidden", status: 403 });
    expect(await snapshot(customerId)).toEqual(before);
  });

  it("answers a reviewer's decision on an unknown customer with not found, and records nothing", async () => {
    const before = await db.auditEvent.count();
    await expect(
      decideCustomer(reviewer, {
        customerId: `cus_${"0".repeat(32)}`,
        decision: "approve",
        reason: "Approve.",
        expectedVersion: 0,
      }),
    ).rejects.toMatchObject({ code: "not_found", status: 404 });
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("decisionsFor", () => {
  it("offers the decisions open for each status, and none for any other value", () => {
    expect(decisionsFor("pending")).toEqual(["approve", "reject"]);
    expect(decisionsFor("active")).toEqual(["suspend"]);
    expect(decisionsFor("suspended")).toEqual(["reactivate"]);
    expect(decisionsFor("rejected")).toEqual([]);
    expect(decisionsFor("")).toEqual([]);
    expect(decisionsFor("Pending")).toEqual([]);
    expect(decisionsFor("unknown")).toEqual([]);
  });
});
