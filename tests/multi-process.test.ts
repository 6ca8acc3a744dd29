import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/audit-events";
import { ACCOUNT_POLICY, accountFromAddressThrottle } from "@/lib/auth/sign-in-throttle";
import type { Actor } from "@/lib/auth/permissions";
import { createCustomer } from "@/lib/customers/create-customer";
import { decideCustomer } from "@/lib/customers/decisions";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currentDraftVersion, saveDraftStep, startDraft, submitDraft } from "@/lib/onboarding/drafts";
import { FORM_STEPS } from "@/lib/onboarding/steps";
import { revokeApiKey } from "@/lib/partners/api-keys";
import { setPartnerRateLimit } from "@/lib/partners/partners";
import type { PartnerWithKey } from "@/lib/partners/partners";
import { upsertUser } from "@/lib/users/users";
import { exampleCustomerRequest, exampleWizardSteps } from "./fixtures/customer-request";
import { startAppServer, type AppServer } from "./helpers/app-server";
import { BucketClock } from "./helpers/bucket-clock";
import { startLibProcess, type LibProcess } from "./helpers/lib-process";
import { authHeaders, newPartner, newPartnerCustomerId, postJson } from "./helpers/partner-api";
import { waitUntil } from "./helpers/wait";

// Two real servers (server/main.ts, one app process each, on ports of their own) on this file's
// database: two app processes that share nothing but the database, each addressed on purpose.
// And a third process calling the app's functions directly, for what has no HTTP door here.
let first: AppServer;
let second: AppServer;
let other: LibProcess;

beforeAll(async () => {
  // The kept secrets (data folder) exist before the servers read them: one set for all.
  await newPartner();
  const start = () => startAppServer({ databaseUrl: databaseUrl(), dataDir: process.env.DATA_DIR!, appProcesses: 1 });
  [first, second, other] = await Promise.all([start(), start(), startLibProcess()]);
}, 240_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop(), other?.stop()]);
}, 60_000);

const servers = () => [first, second];

function create(server: AppServer, partner: PartnerWithKey, body: unknown, key?: string) {
  const headers = { ...authHeaders(partner), ...(key ? { "Idempotency-Key": key } : {}) };
  return postJson(server.baseUrl, "/api/customers/create", body, headers);
}

async function answer(response: Response) {
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

const errorCode = (body: Record<string, unknown>) => (body.error as { code?: string } | undefined)?.code;

async function customersOf(partner: PartnerWithKey) {
  return db.customer.findMany({ where: { partnerId: partner.partnerId }, select: { id: true } });
}

describe("concurrent duplicate creates spread over two app processes", () => {
  const N = 12;

  it("create one customer for one Idempotency-Key: the others replay it or are told it is in use", async () => {
    const partner = await newPartner();
    const body = exampleCustomerRequest(newPartnerCustomerId());
    const answers = await Promise.all(
      Array.from({ length: N }, (_, index) => create(servers()[index % 2], partner, body, "same-key").then(answer)),
    );
    const created = await customersOf(partner);
    expect(created).toHaveLength(1);
    for (const { status, json } of answers) {
      if (status === 200) expect(json.customer_id).toBe(created[0].id);
      else expect([status, errorCode(json)]).toEqual([409, "idempotency_key_in_use"]);
    }
    expect(answers.some(({ status }) => status === 200)).toBe(true);
    // Once the first has answered, a retry to either process replays the same answer.
    const replays = await Promise.all(servers().map((server) => create(server, partner, body, "same-key")));
    for (const replay of replays) {
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect((await answer(replay)).json.customer_id).toBe(created[0].id);
    }
  });

  it("create one customer for one partner_customer_id without a key, or with a key each", async () => {
    for (const keyed of [false, true]) {
      const partner = await newPartner();
      const body = exampleCustomerRequest(newPartnerCustomerId());
      const answers = await Promise.all(
        Array.from({ length: N }, (_, index) =>
          create(servers()[index % 2], partner, body, keyed ? `key-${index}` : undefined).then(answer),
        ),
      );
      const created = await customersOf(partner);
      expect(created).toHaveLength(1);
      expect(answers.filter(({ status }) => status === 200)).toHaveLength(1);
      for (const { status, json } of answers.filter((each) => each.status !== 200)) {
        expect([status, errorCode(json)]).toEqual([409, "duplicate_partner_customer_id"]);
        expect((json.error as { customer_id?: string }).customer_id).toBe(created[0].id);
      }
    }
  });
});

describe("an Idempotency-Key in flight in one app process", () => {
  it("is in use for the other process (409) until the first request has answered, which both then replay", async () => {
    const partner = await newPartner();
    const partnerCustomerId = newPartnerCustomerId();
    const body = exampleCustomerRequest(partnerCustomerId);
    // The first request is held where it writes: this test holds, uncommitted, a customer row with
    // the same partner_customer_id, so the first request's insert waits on the unique index.
    const existing = await createCustomer(exampleCustomerRequest(newPartnerCustomerId()), {
      partnerId: partner.partnerId,
      actor: { type: "api_key", id: partner.apiKey.publicKey, label: "test" },
    });
    const blocker = new pg.Client({ connectionString: databaseUrl() });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(
        `INSERT INTO "Customer" SELECT (jsonb_populate_record(NULL::"Customer", to_jsonb(c) || jsonb_build_object('id', $2::text, 'partnerCustomerId', $3::text))).* FROM "Customer" c WHERE c.id = $1`,
        [existing.customer_id, `cus_${crypto.randomBytes(16).toString("hex")}`, partnerCustomerId],
      );
      const slow = create(first, partner, body, "in-flight").then(answer);
      await waitUntil(async () => {
        const { rows } = await blocker.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'axisfi' AND wait_event_type = 'Lock'`,
        );
        return rows.length > 0;
      }, "the first request waits on the held row");

      const elsewhere = await answer(await create(second, partner, body, "in-flight"));
      expect([elsewhere.status, errorCode(elsewhere.json)]).toEqual([409, "idempotency_key_in_use"]);
      const sameProcess = await answer(await create(first, partner, body, "in-flight"));
      expect([sameProcess.status, errorCode(sameProcess.json)]).toEqual([409, "idempotency_key_in_use"]);

      await blocker.query("ROLLBACK");
      const finished = await slow;
      expect(finished.status).toBe(200);
      for (const server of servers()) {
        const retry = await create(server, partner, body, "in-flight");
        expect(retry.headers.get("idempotent-replayed")).toBe("true");
        expect(await retry.text()).toBe(finished.text);
      }
      expect(await customersOf(partner)).toHaveLength(2);
    } finally {
      await blocker.end();
    }
  });
});

describe("API keys revoked in another process", () => {
  const list = (server: AppServer, partner: PartnerWithKey) =>
    fetch(`${server.baseUrl}/api/customers?limit=1`, { headers: authHeaders(partner) });

  it("stop working in both app processes at once", async () => {
    const partner = await newPartner();
    const status = (server: AppServer) => list(server, partner).then((response) => response.status);
    // Both processes have the key in their caches.
    expect(await Promise.all(servers().map(status))).toEqual([200, 200]);

    await revokeApiKey(partner.partnerId, partner.apiKey.publicKey, CLI_ACTOR);
    // The very next request to either process is refused, whatever it has cached.
    expect(await Promise.all(servers().map(status))).toEqual([401, 401]);
  });

  it("hear of a partner's new rate limit at its commit", async () => {
    const partner = await newPartner();
    const burst = (server: AppServer) =>
      list(server, partner).then((response) => response.headers.get("RateLimit-Limit"));
    const before = await Promise.all(servers().map(burst));
    expect(new Set(before).size).toBe(1);
    await setPartnerRateLimit(partner.partnerId, { perSecond: 7, burst: 77 }, CLI_ACTOR);
    for (const server of servers()) {
      await waitUntil(async () => (await burst(server)) === "77", "the new limit is used", 10_000);
    }
  });
});

describe("the sign-in throttle counted by two processes at once", () => {
  it("lets through only the free failures for one key, however they are split between the processes", async () => {
    const key = `multi-process-${crypto.randomBytes(8).toString("hex")}`;
    const attempts = 5;
    const waits = await Promise.all(
      Array.from({ length: attempts }, () => [
        other.call("claimSignInAttempt", key),
        accountFromAddressThrottle.claimAttempt(key),
      ]).flat(),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(ACCOUNT_POLICY.freeFailures);
    expect(waits.filter((wait) => wait > 0)).toHaveLength(2 * attempts - ACCOUNT_POLICY.freeFailures);
    expect(await accountFromAddressThrottle.waitFor(key)).toBeGreaterThan(0);
  });
});

describe("compare-and-set writes from two processes at once", () => {
  const PASSWORD = "a long enough password";
  let userCount = 0;

  async function newActor(role: "reviewer" | "partner_user", partnerId: string | null = null) {
    userCount += 1;
    const name = `Multi ${role} ${userCount}`;
    const email = `multi-process-${userCount}@example.com`;
    const userId = await upsertUser({ email, name, password: PASSWORD, role, partnerId });
    return { userId, role, partnerId, name, email } satisfies Actor & { name: string; email: string };
  }

  /** Settles both: the value, or the AppError it was refused with. */
  const settle = <T>(attempt: Promise<T>) =>
    attempt.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        return { ok: false as const, code: error.code, status: error.status };
      },
    );

  it("decide a customer once: of two reviewers deciding from one version, one wins and one is told it changed", async () => {
    const partner = await newPartner();
    const reviewer = await newActor("reviewer");
    for (const [here, there] of [
      ["approve", "reject"],
      ["reject", "approve"],
      ["approve", "approve"],
    ] as const) {
      const customer = await createCustomer(exampleCustomerRequest(newPartnerCustomerId()), {
        partnerId: partner.partnerId,
        actor: { type: "api_key", id: partner.apiKey.publicKey, label: "test" },
      });
      const input = (decision: string) => ({
        customerId: customer.customer_id,
        decision,
        reason: "checked twice",
        expectedVersion: 0,
      });
      const outcomes = await Promise.all([
        settle(decideCustomer(reviewer, input(here))),
        settle(other.call("decideCustomer", reviewer, input(there))),
      ]);
      const won = outcomes.filter((outcome) => outcome.ok);
      expect(won).toHaveLength(1);
      expect(outcomes.find((outcome) => !outcome.ok)).toMatchObject({ code: "conflict", status: 409 });
      const stored = await db.customer.findUniqueOrThrow({ where: { id: customer.customer_id } });
      expect({ status: stored.status, version: stored.version }).toEqual(won[0].ok && won[0].value);
      const decisions = await db.auditEvent.count({
        where: { customerId: customer.customer_id, action: { not: "customer.created" } },
      });
      expect(decisions).toBe(1);
    }
  });

  async function completedDraft(actor: Actor, steps: ReturnType<typeof exampleWizardSteps>) {
    const draftId = await startDraft(actor);
    for (const step of FORM_STEPS) {
      await saveDraftStep(actor, draftId, step, steps[step], await currentDraftVersion(actor, draftId));
    }
    return draftId;
  }

  it("save a draft step once: of two saves from pages loaded at one version, one applies", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", partner.partnerId);
    const steps = exampleWizardSteps(newPartnerCustomerId());
    const draftId = await completedDraft(actor, steps);
    const loaded = await currentDraftVersion(actor, draftId);
    const contact = (email: string) => ({
      primary_contact: { ...steps.contact.primary_contact, contact_email: email },
    });
    const outcomes = await Promise.all([
      settle(saveDraftStep(actor, draftId, "contact", contact("here@example.com"), loaded)),
      settle(other.call("saveDraftStep", actor, draftId, "contact", contact("there@example.com"), loaded)),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toEqual([{ ok: true, value: { version: loaded + 1 } }]);
    expect(outcomes.find((outcome) => !outcome.ok)).toMatchObject({ code: "conflict", status: 409 });
    expect(await currentDraftVersion(actor, draftId)).toBe(loaded + 1);
  });

  it("submit a draft once, from two processes at once: both answer with the one customer it became", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", partner.partnerId);
    for (let round = 0; round < 3; round += 1) {
      const draftId = await completedDraft(actor, exampleWizardSteps(newPartnerCustomerId()));
      const outcomes = await Promise.all([
        settle(submitDraft(actor, draftId)),
        settle(other.call("submitDraft", actor, draftId)),
      ]);
      const customerIds = outcomes.map((outcome) => (outcome.ok ? outcome.value.customerId : outcome.code));
      expect(customerIds[0]).toMatch(/^cus_/);
      expect(customerIds[1]).toBe(customerIds[0]);
    }
    expect(await db.customer.count({ where: { partnerId: partner.partnerId } })).toBe(3);
  });

  it("freeze a draft being submitted: a step saved meanwhile in another process is in the customer, or refused", async () => {
    const partner = await newPartner();
    const actor = await newActor("partner_user", partner.partnerId);
    const steps = exampleWizardSteps(newPartnerCustomerId());
    const draftId = await completedDraft(actor, steps);
    const loaded = await currentDraftVersion(actor, draftId);
    const renamed = {
      ...steps.company,
      business_details: { ...steps.company.business_details, website: "https://renamed.example.com" },
    };
    // The order that matters, made certain: the test holds a share lock on the draft's row, so
    // that the other process's save queues for the row first, and the submission here second,
    // after it has read the draft. Then the lock goes, and the two go through in that order.
    const holder = new pg.Client({ connectionString: databaseUrl() });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "OnboardingDraft" WHERE id = $1 FOR SHARE`, [draftId]);
      const waiting = async (count: number) => {
        const { rows } = await holder.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows.length >= count;
      };
      const saved = settle(other.call("saveDraftStep", actor, draftId, "company", renamed, loaded));
      await waitUntil(() => waiting(1), "the save waits for the row");
      const submitted = settle(submitDraft(actor, draftId));
      await waitUntil(() => waiting(2), "the submission waits for the row");
      await holder.query("COMMIT");

      const [save, submission] = await Promise.all([saved, submitted]);
      expect(submission.ok).toBe(true);
      const customer = await db.customer.findUniqueOrThrow({
        where: { id: submission.ok ? submission.value.customerId : "" },
      });
      // An acknowledged save is never lost: what was saved before the freeze is what is submitted.
      if (save.ok) expect(customer.website).toBe("https://renamed.example.com");
      else expect([save.status, customer.website]).toEqual([409, steps.company.business_details.website]);
    } finally {
      await holder.end();
    }
  });
});

describe("one API key's rate limit over two app processes", () => {
  it("hands out the burst once in all: the processes share one bucket", async () => {
    const partner = await newPartner();
    // Its own limit, above the servers' default (tests/helpers/app-server.ts).
    await db.partner.update({ where: { id: partner.partnerId }, data: { rateLimitPerSecond: 1, rateLimitBurst: 10 } });
    // No token comes back while the requests are answered, however long that takes: exactly the burst.
    const clock = await BucketClock.stop();
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          fetch(`${servers()[index % 2].baseUrl}/api/customers/cus_00000000000000000000000000000000`, {
            headers: authHeaders(partner),
          }),
        ),
      );
      const statuses = answers.map((response) => response.status);
      expect(statuses.filter((status) => status !== 404 && status !== 429)).toEqual([]);
      expect(statuses.filter((status) => status === 404)).toHaveLength(10);
      expect(answers.every((response) => response.headers.get("RateLimit-Limit") === "10")).toBe(true);
    } finally {
      await clock.remove();
    }
  });
});
