import { describe, expect, it } from "vitest";
import { unseal } from "@/lib/crypto/personal-data";
import { db } from "@/lib/db";
import { createWebhookEndpointSchema } from "@/lib/webhooks/endpoint-schema";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  openSigningSecret,
  rotateWebhookEndpointSecret,
} from "@/lib/webhooks/endpoints";
import { authHeaders, newPartner, postJson, servePartnerApi } from "./helpers/partner-api";

const api = servePartnerApi();

const URL_OK = "https://partner.example.com/axisfi/webhooks";

interface Endpoint {
  id: string;
  url: string;
  event_types: string[];
  created_at: string;
  secret?: string;
}

async function create(headers: Record<string, string>, body: unknown): Promise<Response> {
  return postJson(api.baseUrl, "/api/webhook_endpoints", body, headers);
}

async function createOk(headers: Record<string, string>, url = URL_OK): Promise<Endpoint> {
  const response = await create(headers, { url, event_types: ["customer.created"] });
  expect(response.status).toBe(200);
  return response.json();
}

async function list(headers: Record<string, string>): Promise<Endpoint[]> {
  const response = await fetch(`${api.baseUrl}/api/webhook_endpoints`, { headers });
  expect(response.status).toBe(200);
  const page = await response.json();
  expect(page.object).toBe("list");
  return page.data;
}

async function remove(headers: Record<string, string>, id: string): Promise<Response> {
  return fetch(`${api.baseUrl}/api/webhook_endpoints/${id}`, { method: "DELETE", headers });
}

async function refusedFields(headers: Record<string, string>, body: unknown): Promise<string[]> {
  const response = await create(headers, body);
  expect(response.status, JSON.stringify(body)).toBe(400);
  const { error } = await response.json();
  expect(error.code).toBe("validation_error");
  return error.details.map((detail: { field: string }) => detail.field);
}

describe("webhook endpoints", () => {
  it("replays a keyed create or rotation with the same secret instead of changing anything again", async () => {
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const keyed = { ...headers, "Idempotency-Key": "create-endpoint-once" };
    const body = { url: URL_OK, event_types: ["customer.created"] };
    const first = await create(keyed, body);
    const again = await create(keyed, body);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const created: Endpoint = await first.json();
    expect(await again.json()).toEqual(created);
    expect(await list(headers)).toHaveLength(1);

    const rotate = () =>
      fetch(`${api.baseUrl}/api/webhook_endpoints/${created.id}/rotate_secret`, {
        method: "POST",
        headers: { ...headers, "Idempotency-Key": "rotate-once" },
      });
    const rotated = await (await rotate()).json();
    const retried = await rotate();
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(await retried.json()).toEqual(rotated);
    // The secret the answer gave is the one that signs, and the first one still signs beside it.
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(openSigningSecret(stored)).toBe(rotated.secret);
    expect(unseal(stored.previousSecret!, "webhook_secret", created.id)).toBe(created.secret);
    const changes = await db.auditEvent.findMany({
      where: { partnerId: partner.partnerId, action: { startsWith: "webhook_endpoint." } },
    });
    expect(changes.map((event) => event.action).sort()).toEqual([
      "webhook_endpoint.created",
      "webhook_endpoint.secret_rotated",
    ]);
  });

  it("keeps at most 16 endpoints in use per partner; deleting one makes room", async () => {
    const headers = authHeaders(await newPartner());
    const made = await Promise.all(Array.from({ length: 16 }, (_, index) => createOk(headers, `${URL_OK}/${index}`)));
    const over = await create(headers, { url: `${URL_OK}/17`, event_types: ["customer.created"] });
    expect(over.status).toBe(409);
    expect((await over.json()).error.code).toBe("endpoint_limit_reached");
    expect(await list(headers)).toHaveLength(16);
    expect((await remove(headers, made[0].id)).status).toBe(200);
    await createOk(headers, `${URL_OK}/17`);
  });

  it("shows the signing secret once, on create, and never in the list", async () => {
    const headers = authHeaders(await newPartner());
    const response = await create(headers, {
      url: URL_OK,
      event_types: ["customer.status_changed", "customer.created", "customer.created"],
    });
    expect(response.status).toBe(200);
    const created: Endpoint = await response.json();
    expect(Object.keys(created)).toEqual(["id", "url", "event_types", "created_at", "secret"]);
    expect(created.id).toMatch(/^we_[0-9a-f]{32}$/);
    expect(created.url).toBe(URL_OK);
    expect(created.event_types).toEqual(["customer.status_changed", "customer.created"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.secret!.slice(6), "base64url")).toHaveLength(32);

    const listed = await list(headers);
    expect(listed).toEqual([
      { id: created.id, url: URL_OK, event_types: created.event_types, created_at: created.created_at },
    ]);
    const raw = await (await fetch(`${api.baseUrl}/api/webhook_endpoints`, { headers })).text();
    expect(raw).not.toContain(created.secret);
    expect(raw).not.toContain("secret");

    const second = await createOk(headers);
    expect(second.secret).not.toBe(created.secret);
    expect((await list(headers)).map((endpoint) => endpoint.id)).toEqual([second.id, created.id]);
  });

  it("keeps the secret sealed in its row, bound to the endpoint, and recoverable to sign", async () => {
    const headers = authHeaders(await newPartner());
    const created = await createOk(headers);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secret).toMatch(/^enc:v1:/);
    expect(row.secret).not.toContain(created.secret);
    expect(row.secret).not.toContain(created.secret!.slice(6));
    expect(openSigningSecret(row)).toBe(created.secret);
    // Bound to its id: copied to another endpoint's row, it does not open.
    const other = await createOk(headers);
    expect(() => unseal(row.secret, "webhook_secret", other.id)).toThrow();
  });

  it("refuses bad URLs and event types with validation_error naming the field", async () => {
    const headers = authHeaders(await newPartner());
    const types = ["customer.created"];
    const refusedUrls = [
      "http://partner.example.com/hooks",
      "http://127.0.0.1:8080/hooks",
      "http://localhost/hooks",
      "https://user:password@partner.example.com/hooks",
      "https://token@partner.example.com/hooks",
      `https://partner.example.com/${"a".repeat(2048)}`,
      "https://10.0.0.5/hooks",
      "https://192.168.1.1/hooks",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hooks",
      "ftp://partner.example.com/hooks",
      "not a url",
      "",
    ];
    for (const url of refusedUrls) {
      expect(await refusedFields(headers, { url, event_types: types }), url).toEqual(["url"]);
    }
    expect(await refusedFields(headers, { url: URL_OK, event_types: ["customer.deleted"] })).toEqual(["event_types.0"]);
    expect(
      await refusedFields(headers, { url: URL_OK, event_types: ["customer.created", "nope", "customer.merged"] }),
    ).toEqual(["event_types.1", "event_types.2"]);
    expect(await refusedFields(headers, { url: URL_OK, event_types: [] })).toEqual(["event_types"]);
    expect(await refusedFields(headers, { url: URL_OK })).toEqual(["event_types"]);
    expect(await refusedFields(headers, { event_types: types })).toEqual(["url"]);
    expect(await refusedFields(headers, { url: URL_OK, event_types: types, secret: "mine" })).toEqual(["secret"]);
    // 2,048 characters exactly is accepted.
    const longest = `https://partner.example.com/${"a".repeat(2048 - "https://partner.example.com/".length)}`;
    expect(longest).toHaveLength(2048);
    expect((await createOk(headers, longest)).url).toBe(longest);
    expect(await list(headers)).toHaveLength(1);
  });

  it("allows plain http on loopback only when WEBHOOKS_ALLOW_PRIVATE is on", () => {
    const body = (url: string) => ({ url, event_types: ["customer.created"] });
    const strict = createWebhookEndpointSchema({ allowLoopback: false });
    const loose = createWebhookEndpointSchema({ allowLoopback: true });
    for (const url of ["http://127.0.0.1:4000/hooks", "http://localhost:4000/hooks", "http://[::1]:4000/hooks"]) {
      expect(strict.safeParse(body(url)).success, url).toBe(false);
      expect(loose.safeParse(body(url)).success, url).toBe(true);
    }
    for (const url of ["http://partner.example.com/hooks", "http://10.0.0.5/hooks", "http://u:p@127.0.0.1/hooks"]) {
      expect(loose.safeParse(body(url)).success, url).toBe(false);
    }
  });

  it("lists and deletes only the partner's own endpoints; another's id is a 404 like a missing one", async () => {
    const [mine, theirs] = [authHeaders(await newPartner()), authHeaders(await newPartner())];
    const own = await createOk(mine);
    const other = await createOk(theirs);
    expect((await list(mine)).map((endpoint) => endpoint.id)).toEqual([own.id]);
    expect((await list(theirs)).map((endpoint) => endpoint.id)).toEqual([other.id]);

    const foreign = await remove(mine, other.id);
    const missing = await remove(mine, "we_00000000000000000000000000000000");
    const malformed = await remove(mine, "nonsense");
    for (const response of [foreign, missing, malformed]) expect(response.status).toBe(404);
    const bodies = await Promise.all(
      [foreign, missing, malformed].map(async (response) => (await response.json()).error),
    );
    for (const error of bodies)
      expect({ code: error.code, message: error.message }).toEqual({
        code: "not_found",
        message: "No such webhook endpoint.",
      });
    expect((await list(theirs)).map((endpoint) => endpoint.id)).toEqual([other.id]);
    expect((await remove({ "X-API-Key": "pk_nope", "X-API-Secret": "nope" }, own.id)).status).toBe(401);
  });

  it("delete takes the endpoint off the list; deleting it again is a 404", async () => {
    const headers = authHeaders(await newPartner());
    const [first, second] = [await createOk(headers), await createOk(headers)];
    const response = await remove(headers, first.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: first.id, deleted: true });
    expect((await list(headers)).map((endpoint) => endpoint.id)).toEqual([second.id]);
    expect((await remove(headers, first.id)).status).toBe(404);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.disabledAt).toBeInstanceOf(Date);
  });

  it("records each create, rotation and delete in the audit trail, with its change: the key, the endpoint and its host, never the secret", async () => {
    const partner = await newPartner();
    const headers = authHeaders(partner);
    const endpoint = await createOk(headers, "https://hooks.partner.example.com/path/with-token-abc?x=1");
    const rotation = await postJson(api.baseUrl, `/api/webhook_endpoints/${endpoint.id}/rotate_secret`, {}, headers);
    expect(rotation.status).toBe(200);
    const { secret: rotated } = await rotation.json();
    expect((await remove(headers, endpoint.id)).status).toBe(200);
    // Refused changes record nothing.
    expect((await remove(headers, endpoint.id)).status).toBe(404);
    const stranger = authHeaders(await newPartner());
    expect(
      (await postJson(api.baseUrl, `/api/webhook_endpoints/${endpoint.id}/rotate_secret`, {}, stranger)).status,
    ).toBe(404);
    expect((await create(headers, { url: "http://hooks.partner.example.com", event_types: [] })).status).toBe(400);

    const events = await db.auditEvent.findMany({ where: { partnerId: partner.partnerId }, orderBy: { id: "asc" } });
    const key = await db.apiKey.findUniqueOrThrow({ where: { publicKey: partner.apiKey.publicKey } });
    const subject = `${endpoint.id} (hooks.partner.example.com)`;
    expect(
      events
        .filter((event) => event.action.startsWith("webhook_endpoint."))
        .map((event) => [event.action, event.actorType, event.actorId, event.actorLabel, event.subject]),
    ).toEqual(
      ["webhook_endpoint.created", "webhook_endpoint.secret_rotated", "webhook_endpoint.deleted"].map((action) => [
        action,
        "api_key",
        key.id,
        `API key ${partner.apiKey.publicKey}`,
        subject,
      ]),
    );
    const written = JSON.stringify(events);
    for (const secret of [endpoint.secret!, rotated]) expect(written).not.toContain(secret.slice(6));
    expect(written).not.toContain("with-token-abc");
  });

  it("records the portal's changes with the person who made them", async () => {
    const partner = await newPartner();
    const by = { type: "user" as const, id: "usr_webhook_admin", label: "Pat Partner <pat@partner.example>" };
    const created = await createWebhookEndpoint(
      partner.partnerId,
      { url: URL_OK, event_types: ["customer.created"] },
      by,
    );
    await rotateWebhookEndpointSecret(partner.partnerId, created.id, by);
    await deleteWebhookEndpoint(partner.partnerId, created.id, by);
    await expect(deleteWebhookEndpoint(partner.partnerId, created.id, by)).rejects.toMatchObject({ code: "not_found" });
    const events = await db.auditEvent.findMany({
      where: { partnerId: partner.partnerId, action: { startsWith: "webhook_endpoint." } },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => [event.action, event.actorType, event.actorLabel, event.subject])).toEqual(
      ["webhook_endpoint.created", "webhook_endpoint.secret_rotated", "webhook_endpoint.deleted"].map((action) => [
        action,
        "user",
        by.label,
        `${created.id} (partner.example.com)`,
      ]),
    );
  });

  it("is documented: the three operations under Webhooks, with their schemas", async () => {
    const openapi = await (await fetch(`${api.baseUrl}/api/openapi.json`)).json();
    const create = openapi.paths["/api/webhook_endpoints"].post;
    const listing = openapi.paths["/api/webhook_endpoints"].get;
    const deletion = openapi.paths["/api/webhook_endpoints/{endpoint_id}"].delete;
    expect([create.operationId, listing.operationId, deletion.operationId]).toEqual([
      "createWebhookEndpoint",
      "listWebhookEndpoints",
      "deleteWebhookEndpoint",
    ]);
    for (const operation of [create, listing, deletion]) expect(operation.tags).toEqual(["Webhooks"]);
    const schemas = openapi.components.schemas;
    expect(Object.keys(schemas.CreateWebhookEndpointRequest.properties).sort()).toEqual(["event_types", "url"]);
    expect(schemas.CreateWebhookEndpointRequest.properties.url.maxLength).toBe(2048);
    expect(schemas.CreatedWebhookEndpoint.properties.secret).toBeDefined();
    expect(schemas.WebhookEndpoint.properties.secret).toBeUndefined();
    expect(schemas.WebhookEndpoint.properties.event_types.items.enum).toEqual([
      "customer.created",
      "customer.status_changed",
      "customer.information_requested",
      "customer.updated",
    ]);
  });
});
