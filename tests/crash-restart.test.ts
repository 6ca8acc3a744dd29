import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import {
  childrenOf,
  isRunning,
  processesMatching,
  processGroup,
  startAppServer,
  type AppServer,
} from "./helpers/app-server";
import { authHeaders, newPartner, newPartnerCustomerId } from "./helpers/partner-api";
import { waitUntil } from "./helpers/wait";

const started: AppServer[] = [];
const folders: string[] = [];

afterAll(async () => {
  // Whatever a failed test left: servers stopped, then any PostgreSQL of a test's own folder.
  await Promise.allSettled(started.map((server) => server.stop()));
  for (const folder of folders) {
    const postgresDir = path.join(folder, "postgres");
    for (const pid of processesMatching(`postgres -D ${postgresDir}`)) process.kill(pid, "SIGQUIT");
    await waitUntil(() => processesMatching(`postgres -D ${postgresDir}`).length === 0, "PostgreSQL stopped");
    fs.rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);

async function start(options: Parameters<typeof startAppServer>[0]) {
  const server = await startAppServer(options);
  started.push(server);
  return server;
}

interface Answer {
  status: number;
  replayed: boolean;
  text: string;
}

const CLIENT_TIMEOUT_MS = 5_000;

/** One create on a connection of its own (no keep-alive), so the primary hands each to a live app process. */
function create(server: AppServer, headers: Record<string, string>, key: string, body: unknown): Promise<Answer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.baseUrl}/api/customers/create`,
      {
        method: "POST",
        agent: false,
        headers: {
          ...headers,
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(payload),
          "Idempotency-Key": key,
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            replayed: response.headers["idempotent-replayed"] === "true",
            text,
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    // A client gives up on a request at some point, as partners' clients do. One that reached the
    // primary as the app process it was being handed to died is held by the primary unanswered
    // (node:cluster's round-robin hand-off), here for about two minutes.
    request.setTimeout(CLIENT_TIMEOUT_MS, () => request.destroy(new Error("timed out")));
    request.end(payload);
  });
}

/** Retries a create as a client would after losing its answer, until it is not "in use" any more. */
async function retry(server: AppServer, headers: Record<string, string>, key: string, body: unknown) {
  let answer: Answer | undefined;
  await waitUntil(async () => {
    answer = await create(server, headers, key, body);
    return !(answer.status === 409 && answer.text.includes("idempotency_key_in_use"));
  }, "the key is no longer in use");
  return answer!;
}

const customersOf = (partnerId: string) =>
  db.customer.findMany({ where: { partnerId }, select: { id: true, partnerCustomerId: true } });

const customerIdOf = (answer: Answer) => (JSON.parse(answer.text) as { customer_id: string }).customer_id;

describe("an app process killed under create load", () => {
  it("loses no acknowledged customer: the other keeps answering, and every retry replays or completes", async () => {
    const server = await start({ databaseUrl: databaseUrl(), dataDir: process.env.DATA_DIR!, appProcesses: 2 });
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const sent: { key: string; body: ReturnType<typeof exampleCustomerRequest>; answer?: Answer | "lost" }[] = [];
    const acknowledged = () => sent.filter((item) => item.answer !== "lost" && item.answer?.status === 200).length;

    let sending = true;
    const client = async () => {
      while (sending) {
        const item = { key: `crash-${sent.length}`, body: exampleCustomerRequest(newPartnerCustomerId()) };
        sent.push(item);
        const answer: Answer | "lost" = await create(server, headers, item.key, item.body).catch(() => "lost");
        Object.assign(item, { answer });
      }
    };
    const clients = Array.from({ length: 8 }, client);

    await waitUntil(() => acknowledged() >= 20, "creates are acknowledged");
    const [victim, survivor] = server.appPids();
    process.kill(victim, "SIGKILL");
    await server.waitForLog((line) => line.event === "app_process_exited" && line.pid === victim);
    // Every create sent from now on reaches a live app process.
    const sentBeforeNoticed = sent.length;
    const ackedBeforeNoticed = acknowledged();
    await waitUntil(() => acknowledged() >= ackedBeforeNoticed + 20, "the port keeps answering");
    sending = false;
    await Promise.all(clients);
    expect(isRunning(survivor)).toBe(true);
    const afterwards = sent.slice(sentBeforeNoticed);
    expect(afterwards.map((item) => item.answer !== "lost" && item.answer?.status)).toEqual(afterwards.map(() => 200));

    const written = new Set((await customersOf(partner.partnerId)).map((customer) => customer.id));
    for (const item of sent) {
      if (item.answer !== "lost" && item.answer?.status === 200)
        expect(written.has(customerIdOf(item.answer))).toBe(true);
    }

    // The client retries everything with its key: what was acknowledged replays the same answer,
    // what was lost completes now (or replays, if it was written before its process died).
    const retried = await Promise.all(sent.map((item) => retry(server, headers, item.key, item.body)));
    for (const [index, item] of sent.entries()) {
      const again = retried[index];
      expect(again.status, again.text.slice(0, 200)).toBe(200);
      if (item.answer !== "lost" && item.answer?.status === 200) {
        expect(again.replayed).toBe(true);
        expect(again.text).toBe(item.answer.text);
      }
      Object.assign(item, { answer: again });
    }
    const stored = await customersOf(partner.partnerId);
    expect(stored).toHaveLength(sent.length);
    expect(new Set(stored.map((customer) => customer.partnerCustomerId)).size).toBe(sent.length);
    const ids = new Set(stored.map((customer) => customer.id));
    for (const item of sent) expect(ids.has(customerIdOf(item.answer as Answer))).toBe(true);
    expect(await db.idempotencyClaim.count({ where: { partnerId: partner.partnerId } })).toBe(0);
    await server.stop();
  }, 120_000);
});

describe("everything killed at once, with its embedded PostgreSQL", () => {
  it("comes back on the same data folder with every acknowledged customer", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-crash-"));
    folders.push(dataDir);
    const postgresDir = path.join(dataDir, "postgres");
    const demoKey = { publicKey: "pk_crash_test_00000000000000000000", secret: `sk_crash_test_${"0".repeat(40)}` };
    const options = {
      databaseUrl: "",
      dataDir,
      appProcesses: 2,
      env: { SEED_DEMO: "true", DEMO_API_KEY: demoKey.publicKey, DEMO_API_SECRET: demoKey.secret },
    };
    const headers = { "X-API-Key": demoKey.publicKey, "X-API-Secret": demoKey.secret };
    const server = await start(options);

    const requests = Array.from({ length: 20 }, (_, index) => ({
      key: `before-crash-${index}`,
      body: exampleCustomerRequest(newPartnerCustomerId()),
    }));
    const answers = await Promise.all(requests.map((item) => create(server, headers, item.key, item.body)));
    expect(answers.map((answer) => answer.status)).toEqual(requests.map(() => 200));

    // The primary, its app processes and the PostgreSQL server, all killed where they stand.
    const postmaster = Number(fs.readFileSync(path.join(postgresDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const postgresProcesses = [postmaster, ...childrenOf(postmaster)];
    const everything = [server.pid, ...server.appPids(), ...postgresProcesses];
    for (const pid of everything) process.kill(pid, "SIGKILL");
    await server.exited;
    // Gone for good (reaped, and nothing of the server's process group left to fork again).
    await waitUntil(
      () => everything.every((pid) => !isRunning(pid)) && processGroup(server.pid).length === 0,
      "every killed process is gone",
    );
    // What a crash leaves: a postmaster.pid naming a process that is gone.
    expect(fs.existsSync(path.join(postgresDir, "postmaster.pid"))).toBe(true);

    const restarted = await start(options);
    for (const [index, item] of requests.entries()) {
      const customerId = customerIdOf(answers[index]);
      const response = await fetch(`${restarted.baseUrl}/api/customers/${customerId}`, { headers });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { partner_customer_id: string }).partner_customer_id).toBe(
        item.body.partner_customer_id,
      );
      const again = await create(restarted, headers, item.key, item.body);
      expect([again.status, again.replayed, again.text]).toEqual([200, true, answers[index].text]);
    }

    await restarted.stop();
    expect(processesMatching(`postgres -D ${postgresDir}`)).toEqual([]);
    expect(fs.existsSync(path.join(postgresDir, "postmaster.pid"))).toBe(false);
  }, 120_000);
});
