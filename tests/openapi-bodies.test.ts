import { generateSync, type JsonSchema } from "json-schema-faker";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PartnerWithKey } from "@/lib/partners/partners";
import {
  SAMPLE_FILES,
  authHeaders,
  newPartner,
  postJson,
  servePartnerApi,
  uploadedFileId,
} from "./helpers/partner-api";

/**
 * Create Customer bodies made from the served OpenAPI document alone, by a JSON-schema faker,
 * sent to the real API: the document must state what the validator enforces, so nearly all are
 * accepted, and every refusal is one of the cross-field rules the document states in words.
 */
const api = servePartnerApi();

const BODIES = 240;
/** Refusals the document can only state in words: one field compared with another, or with today. */
const RULES_IN_WORDS = new Set([
  "date_order", // start ≤ expiry, issue ≤ expiration
  "invalid_phone", // an E.164 number matching its calling code's plans, yet not valid for the country
  "date_not_past", // a birth date in the past
]);

type Schema = Record<string, unknown>;

/** The schema with every `#/components/schemas/…` reference replaced by the schema itself. */
function dereferenced(node: unknown, schemas: Record<string, Schema>): unknown {
  if (Array.isArray(node)) return node.map((item) => dereferenced(item, schemas));
  if (node === null || typeof node !== "object") return node;
  const ref = (node as { $ref?: string }).$ref;
  if (ref) return dereferenced(schemas[ref.split("/").at(-1) ?? ""], schemas);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dereferenced(value, schemas)]));
}

const DAY_MS = 86_400_000;
const EARLIEST = Date.UTC(1900, 0, 1);

/**
 * The faker's settings, none of them a fact about the API:
 * - its own dates span 2000–2030; these span 1900 to yesterday, as dates of birth, issue and
 *   registration do (expiry dates are in the past too, which is allowed);
 * - arrays get at most 3 items (it would otherwise draw up to 20 people a body, and each person's
 *   two dates are another chance for the date-order rule), optional fields 30 % of the time.
 */
function fakerOptions(seed: number) {
  const when = (random: { next(): number }) =>
    new Date(EARLIEST + Math.floor(random.next() * (Date.now() - DAY_MS - EARLIEST)));
  return {
    seed,
    maxItems: 3,
    optionalsProbability: 0.3,
    formats: {
      date: (random: { next(): number }) => when(random).toISOString().slice(0, 10),
      "date-time": (random: { next(): number }) => `${when(random).toISOString().slice(0, 19)}Z`,
    },
  };
}

/**
 * The faker makes a multiple of 0.01 as k × 0.01 in binary floating point, which can miss the
 * decimal it means (44221825199.200005 for k = 4422182519920): the value meant is k / 100.
 */
function amountMeant(body: Body, multipleOf: number): boolean {
  const usage = body.account_usage;
  const meant = Math.round(usage.estimated_monthly_revenue_amount / multipleOf) / Math.round(1 / multipleOf);
  const slipped = Math.abs(meant - usage.estimated_monthly_revenue_amount) > 0;
  usage.estimated_monthly_revenue_amount = meant;
  return slipped;
}

interface Person {
  identification: { id_document_front_file_id?: string | null; id_document_back_file_id?: string | null };
}
interface Body {
  business_details: { business_identifier_document_list?: string[] | null };
  account_usage: { estimated_monthly_revenue_amount: number };
  business_person_list: Person[];
}

/**
 * File ids must be uploads of the same partner (the document says so: "file ids from POST
 * /api/files/upload"); a generated id has the right shape but names no upload, so each is
 * replaced by one of this partner's uploads, distinct within a list.
 */
function withUploadedFiles(body: Body, uploads: string[]): Body {
  let next = 0;
  const upload = () => uploads[next++ % uploads.length];
  const list = body.business_details.business_identifier_document_list;
  if (list) body.business_details.business_identifier_document_list = list.map(() => upload());
  for (const person of body.business_person_list) {
    const identification = person.identification;
    if (identification.id_document_front_file_id) identification.id_document_front_file_id = upload();
    if (identification.id_document_back_file_id) identification.id_document_back_file_id = upload();
  }
  return body;
}

describe("Create Customer bodies generated from the OpenAPI document", () => {
  let partner: PartnerWithKey;
  let requestSchema: JsonSchema;
  let multipleOf: number;
  const uploads: string[] = [];

  beforeAll(async () => {
    // A limit that the 240 requests below do not reach.
    partner = await newPartner();
    await db.partner.update({
      where: { id: partner.partnerId },
      data: { rateLimitPerSecond: 1000, rateLimitBurst: 1000 },
    });
    for (const bytes of [SAMPLE_FILES.png, SAMPLE_FILES.jpeg, SAMPLE_FILES.pdf, SAMPLE_FILES.png]) {
      uploads.push(await uploadedFileId(api.baseUrl, authHeaders(partner), bytes));
    }
    const document = (await (await fetch(`${api.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: Schema }> } }>>;
      components: { schemas: Record<string, Schema> };
    };
    const schemas = document.components.schemas;
    requestSchema = dereferenced(
      document.paths["/api/customers/create"].post.requestBody.content["application/json"].schema,
      schemas,
    ) as JsonSchema;
    const accountUsage = schemas.AccountUsage as { properties: Record<string, { multipleOf: number }> };
    multipleOf = accountUsage.properties.estimated_monthly_revenue_amount.multipleOf;
  });

  it("are accepted at least 95 % of the time, and refused only for rules the document states in words", async () => {
    expect(multipleOf).toBe(0.01);
    const refusals: { codes: string[]; details: unknown }[] = [];
    const accepted: Body[] = [];
    const sent = BODIES;
    let slips = 0;
    for (let seed = 1; seed <= BODIES; seed += 1) {
      const body = generateSync(requestSchema, fakerOptions(seed)) as Body;
      if (amountMeant(body, multipleOf)) slips += 1;
      withUploadedFiles(body, uploads);
      const response = await postJson(api.baseUrl, "/api/customers/validate", body, authHeaders(partner));
      if (response.status === 200) {
        accepted.push(body);
        continue;
      }
      const answer = (await response.json()) as { error: { code: string; details?: { code: string }[] } };
      expect(response.status, JSON.stringify(answer)).toBe(400);
      expect(answer.error.code).toBe("validation_error");
      refusals.push({
        codes: (answer.error.details ?? []).map((detail) => detail.code),
        details: answer.error.details,
      });
    }

    const acceptance = accepted.length / sent;
    console.info(
      `OpenAPI bodies: ${accepted.length}/${sent} accepted (${(acceptance * 100).toFixed(1)} %); refused for ${JSON.stringify(
        refusals.flatMap((refusal) => refusal.codes),
      )}; ${slips} amounts taken back to the multiple of 0.01 the faker meant`,
    );
    for (const refusal of refusals) {
      expect(refusal.codes.length, JSON.stringify(refusal.details)).toBeGreaterThan(0);
      expect(
        refusal.codes.every((code) => RULES_IN_WORDS.has(code)),
        JSON.stringify(refusal.details),
      ).toBe(true);
    }
    expect(acceptance).toBeGreaterThanOrEqual(0.95);

    // What the dry run accepts, create stores.
    for (const [index, body] of accepted.slice(0, 10).entries()) {
      const created = await postJson(api.baseUrl, "/api/customers/create", body, authHeaders(partner));
      expect(created.status, `accepted body ${index}: ${await created.clone().text()}`).toBe(200);
    }
  });
});
