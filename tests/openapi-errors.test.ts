import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { db } from "@/lib/db";
import type { PartnerWithKey } from "@/lib/partners/partners";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import {
  authHeaders,
  newPartner,
  newPartnerCustomerId,
  postJson,
  servePartnerApi,
  uploadFile,
} from "./helpers/partner-api";

/**
 * Every error the partner API can answer is documented: each `error.code` with the status it
 * comes with, read from the sources, is in the document; and real refusals of each operation
 * carry a status and a code that the document lists for that very operation.
 */
const ROOT = path.resolve(import.meta.dirname, "..");

interface Response {
  description: string;
  content?: Record<string, { schema: unknown }>;
}
type Operation = { responses: Record<string, Response> };

function operationOf(method: string, pathTemplate: string): Operation {
  const item = (openApiDocument().paths ?? {})[pathTemplate] as Record<string, Operation> | undefined;
  const operation = item?.[method];
  if (!operation) throw new Error(`${method} ${pathTemplate} is not in the document`);
  return operation;
}

/** The codes a documented answer lists: the enum on `error.code`, or (older form) the `code`s named in its description. */
function documentedCodes(response: Response | undefined): string[] {
  if (!response) return [];
  const schema = response.content?.["application/json"]?.schema as
    { allOf?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }[] } | undefined;
  const listed = schema?.allOf?.flatMap((part) => part.properties?.error?.properties?.code?.enum ?? []) ?? [];
  if (listed.length > 0) return listed;
  return [...response.description.matchAll(/`([a-z_]+)`/g)].map((match) => match[1]);
}

/** Every (status, code) the document lists for any operation. */
function documentedPairs(): Set<string> {
  const pairs = new Set<string>();
  for (const item of Object.values(openApiDocument().paths ?? {})) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        for (const code of documentedCodes(response)) pairs.add(`${status} ${code}`);
      }
    }
  }
  return pairs;
}

/** The modules the partner API runs: lib/api/partner-api.ts and everything it imports, transitively. */
function partnerApiModules(): string[] {
  const seen = new Set<string>();
  const pending = ["lib/api/partner-api.ts"];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const [, specifier] of source.matchAll(/(?:import|export)[^"';]*?from\s*["']([^"']+)["']/g)) {
      const base = specifier.startsWith("@/")
        ? path.join(ROOT, specifier.slice(2))
        : specifier.startsWith(".")
          ? path.resolve(path.dirname(path.join(ROOT, file)), specifier)
          : null;
      const found = base && [`${base}.ts`, path.join(base, "index.ts")].find((candidate) => fs.existsSync(candidate));
      if (found) pending.push(path.relative(ROOT, found));
    }
  }
  return [...seen].sort();
}

/** Errors of modules the API imports that only the portal's own pages can reach. */
const NOT_FROM_THE_API = new Set([
  "lib/audit/audit-events.ts 403 forbidden", // the security-event log, for administrators
  "lib/partners/api-keys.ts 404 not_found", // revoking a key, in the portal
  // Requesting information is a compliance reviewer's action in the portal; the API's update only
  // imports customerNotPending from this module (documented: 409 customer_not_pending).
  "lib/customers/requirements.ts 403 forbidden",
  // Drafts are saved and submitted by the portal's wizard and the business's hosted form
  // (/onboard), never by an API operation; POST /api/onboarding_links only reads draftFileIds.
  "lib/onboarding/drafts.ts 409 draft_not_open",
  "lib/onboarding/drafts.ts 403 forbidden", // starting a draft in the portal
  // Partner staff fixing a customer in the portal; the hosted form only borrows this module's
  // section helpers (sectionFromStepForm), and a reviewer never holds an API key.
  "lib/customers/customer-fixes.ts 403 forbidden",
]);

describe("error codes in the OpenAPI document", () => {
  it("lists every status and code that the modules of the partner API throw", () => {
    const thrown: string[] = [];
    for (const file of partnerApiModules()) {
      const source = fs.readFileSync(path.join(ROOT, file), "utf8");
      for (const [, code, status] of source.matchAll(/new AppError\(\s*"(\w+)",\s*(\d{3})/g)) {
        thrown.push(`${file} ${status} ${code}`);
      }
      if (/\bvalidationError\(/.test(source)) thrown.push(`${file} 400 validation_error`);
    }
    // The scan sees what it must: the door's own refusals and the domain's.
    expect(thrown).toEqual(
      expect.arrayContaining([
        "lib/api/partner-api.ts 401 unauthorized",
        "lib/api/rate-limits.ts 429 rate_limited",
        "lib/customers/create-customer.ts 409 duplicate_partner_customer_id",
        "lib/files/upload-file.ts 415 unsupported_file_type",
      ]),
    );
    const documented = documentedPairs();
    const missing = thrown.filter(
      (entry) => !NOT_FROM_THE_API.has(entry) && !documented.has(entry.split(" ").slice(1).join(" ")),
    );
    expect(missing).toEqual([]);
  });

  describe("real refusals", () => {
    const api = servePartnerApi();
    let partner: PartnerWithKey;
    let headers: Record<string, string>;

    beforeAll(async () => {
      partner = await newPartner();
      headers = authHeaders(partner);
    });

    /** Sends a request and checks that its status and code are documented for `operation`. */
    async function expectDocumented(
      operation: [method: string, pathTemplate: string],
      request: Promise<globalThis.Response>,
      expected: [status: number, code: string],
    ) {
      const response = await request;
      const body = (await response.json()) as { error: { code: string } };
      expect([response.status, body.error.code]).toEqual(expected);
      const documented = operationOf(...operation).responses[String(response.status)];
      expect(documentedCodes(documented), `${operation.join(" ")} ${response.status}`).toContain(body.error.code);
    }

    const send = (url: string, init: RequestInit = {}) =>
      fetch(`${api.baseUrl}${url}`, { ...init, headers: { ...headers, ...(init.headers as object) } });
    const json = { "Content-Type": "application/json" };

    it("of Create Customer and its dry run", async () => {
      const body = exampleCustomerRequest(newPartnerCustomerId());
      for (const url of ["/api/customers/create", "/api/customers/validate"]) {
        const operation: [string, string] = ["post", url];
        await expectDocumented(operation, send(url, { method: "POST", headers: json, body: "{" }), [
          400,
          "invalid_json",
        ]);
        await expectDocumented(operation, postJson(api.baseUrl, url, { ...body, extra: 1 }, headers), [
          400,
          "validation_error",
        ]);
        await expectDocumented(operation, postJson(api.baseUrl, url, body, {}), [401, "unauthorized"]);
        await expectDocumented(operation, send(url, { method: "POST", body: JSON.stringify(body) }), [
          415,
          "unsupported_media_type",
        ]);
        await expectDocumented(
          operation,
          send(url, { method: "POST", headers: json, body: `"${"x".repeat(1024 * 1024)}"` }),
          [413, "payload_too_large"],
        );
        await expectDocumented(operation, send(url), [405, "method_not_allowed"]);
      }
      expect((await postJson(api.baseUrl, "/api/customers/create", body, headers)).status).toBe(200);
      for (const url of ["/api/customers/create", "/api/customers/validate"]) {
        await expectDocumented(["post", url], postJson(api.baseUrl, url, body, headers), [
          409,
          "duplicate_partner_customer_id",
        ]);
      }
      const create: [string, string] = ["post", "/api/customers/create"];
      await expectDocumented(
        create,
        postJson(api.baseUrl, "/api/customers/create", body, { ...headers, "Idempotency-Key": "has space" }),
        [400, "invalid_idempotency_key"],
      );
      const keyed = { ...headers, "Idempotency-Key": `key-${newPartnerCustomerId()}` };
      await postJson(api.baseUrl, "/api/customers/create", exampleCustomerRequest(newPartnerCustomerId()), keyed);
      await expectDocumented(
        create,
        postJson(api.baseUrl, "/api/customers/create", exampleCustomerRequest(newPartnerCustomerId()), keyed),
        [422, "idempotency_key_reused"],
      );
    });

    it("of the customer and event reads", async () => {
      await expectDocumented(["get", "/api/customers/{customer_id}"], send("/api/customers/cus_nope"), [
        404,
        "not_found",
      ]);
      await expectDocumented(["get", "/api/customers"], send("/api/customers?limit=0"), [400, "validation_error"]);
      await expectDocumented(["get", "/api/customers"], send("/api/customers?cursor=nope"), [400, "validation_error"]);
      await expectDocumented(["get", "/api/events"], send("/api/events?type=customer.gone"), [400, "validation_error"]);
      await expectDocumented(["get", "/api/events"], fetch(`${api.baseUrl}/api/events`), [401, "unauthorized"]);
    });

    it("of the update, onboarding link and webhook endpoint operations", async () => {
      const update: [string, string] = ["post", "/api/customers/{customer_id}/update"];
      const { account_usage } = exampleCustomerRequest(newPartnerCustomerId());
      await expectDocumented(update, postJson(api.baseUrl, "/api/customers/cus_nope/update", {}, headers), [
        400,
        "validation_error",
      ]);
      await expectDocumented(
        update,
        postJson(api.baseUrl, "/api/customers/cus_nope/update", { account_usage }, headers),
        [404, "not_found"],
      );
      await expectDocumented(update, send("/api/customers/cus_nope/update", { method: "POST", body: "{}" }), [
        415,
        "unsupported_media_type",
      ]);
      await expectDocumented(update, send("/api/customers/cus_nope/update"), [405, "method_not_allowed"]);
      const link: [string, string] = ["post", "/api/onboarding_links"];
      await expectDocumented(link, send("/api/onboarding_links", { method: "POST", headers: json, body: "{" }), [
        400,
        "invalid_json",
      ]);
      await expectDocumented(link, postJson(api.baseUrl, "/api/onboarding_links", {}, headers), [
        400,
        "validation_error",
      ]);
      await expectDocumented(
        ["post", "/api/webhook_endpoints"],
        postJson(api.baseUrl, "/api/webhook_endpoints", { url: "http://example.com" }, headers),
        [400, "validation_error"],
      );
      const endpoint: [string, string] = ["delete", "/api/webhook_endpoints/{endpoint_id}"];
      await expectDocumented(endpoint, send("/api/webhook_endpoints/we_nope", { method: "DELETE" }), [
        404,
        "not_found",
      ]);
      await expectDocumented(endpoint, send("/api/webhook_endpoints/we_nope"), [405, "method_not_allowed"]);
      await expectDocumented(
        ["post", "/api/webhook_endpoints/{endpoint_id}/rotate_secret"],
        send("/api/webhook_endpoints/we_nope/rotate_secret", { method: "POST" }),
        [404, "not_found"],
      );
    });

    it("of the upload", async () => {
      const operation: [string, string] = ["post", "/api/files/upload"];
      await expectDocumented(operation, uploadFile(api.baseUrl, headers, Buffer.from("plain text"), "a.txt"), [
        415,
        "unsupported_file_type",
      ]);
      await expectDocumented(operation, uploadFile(api.baseUrl, headers, Buffer.alloc(0)), [400, "validation_error"]);
      await expectDocumented(operation, send("/api/files/upload", { method: "POST", headers: json, body: "{}" }), [
        415,
        "unsupported_media_type",
      ]);
    });

    it("of a key whose rate limit is used up", async () => {
      const limited = await newPartner();
      await db.partner.update({ where: { id: limited.partnerId }, data: { rateLimitPerSecond: 1, rateLimitBurst: 1 } });
      const limitedHeaders = authHeaders(limited);
      for (const [method, pathTemplate, url] of [
        ["get", "/api/customers", "/api/customers"],
        ["get", "/api/events", "/api/events"],
        ["get", "/api/customers/{customer_id}", "/api/customers/cus_nope"],
      ]) {
        // One token a second: the second of two requests in a row is refused, unless a second passed between.
        let response = await fetch(`${api.baseUrl}${url}`, { headers: limitedHeaders });
        for (let tries = 0; response.status !== 429 && tries < 5; tries += 1) {
          response = await fetch(`${api.baseUrl}${url}`, { headers: limitedHeaders });
        }
        await expectDocumented([method, pathTemplate], Promise.resolve(response), [429, "rate_limited"]);
      }
    });
  });
});
