/**
 * The baseline the app is measured against (bench/create-customer.ts): a bare node:http server
 * doing the same Zod validation as the app, then one PostgreSQL transaction per request with
 * synchronous_commit = on that checks the referenced files belong to the partner and inserts the
 * same rows as the app (customer, business persons, document links, the "created" audit event, the
 * idempotent response and the customer.created event). No API key check or rate limit, no
 * framework, no ORM, no group commit, no sealing of ID numbers: what is left when every layer of
 * ours is taken away.
 *
 * Run as: tsx bench/baseline-server.ts, with BASELINE_DATABASE_URL (a migrated database holding
 * one partner), BASELINE_PORT and BASELINE_WORKERS (node:cluster processes sharing the port).
 * Prints "ready" on stdout once every worker listens.
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
import http from "node:http";
import pg from "pg";
import { createCustomerRequestSchema, type CreateCustomerRequest } from "@/lib/customers/schema";

const url = process.env.BASELINE_DATABASE_URL ?? "";
const port = Number(process.env.BASELINE_PORT ?? 8284);
const workers = Number(process.env.BASELINE_WORKERS ?? 1);

/**
 * Connections per worker. Without group commit each request is its own transaction, so the pool
 * bounds how many commits PostgreSQL can flush together in one WAL write: 16 gives the baseline
 * room to do its best at 32 and 64 connections (the app needs fewer, lib/db.ts).
 */
const POOL_SIZE = 16;

const id = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;

/** `($1, $2, …), ($n, …)`: the placeholders of `rows` rows of `columns` values each. */
function placeholders(rows: number, columns: number): string {
  return Array.from(
    { length: rows },
    (_, row) => `(${Array.from({ length: columns }, (_, column) => `$${row * columns + column + 1}`).join(", ")})`,
  ).join(", ");
}

const CUSTOMER_COLUMNS = [
  "id",
  "partnerId",
  "partnerCustomerId",
  "status",
  "version",
  "createdAt",
  "updatedAt",
  "businessNameEnglish",
  "businessName",
  "website",
  "businessIdentifierNumber",
  "businessIdentifierCountryCode",
  "businessIdentifierStartDate",
  "businessIdentifierExpiryDate",
  "registrationAddressLine1",
  "registrationAddressCity",
  "registrationAddressState",
  "registrationAddressPostcode",
  "registrationAddressCountryCode",
  "operatingCountry",
  "goodsServiceDescription",
  "industryCategoryCode",
  "estimatedMonthlyRevenueCurrency",
  "estimatedMonthlyRevenueAmount",
  "contactPhone",
  "contactEmail",
];
const PERSON_COLUMNS = [
  "id",
  "customerId",
  "position",
  "firstNameEnglish",
  "lastNameEnglish",
  "firstName",
  "lastName",
  "birthDate",
  "nationality",
  "residentialAddressLine1",
  "residentialAddressCity",
  "residentialAddressState",
  "residentialAddressPostcode",
  "residentialAddressCountryCode",
  "idNumber",
  "idIssuingCountryCode",
  "idIssueDate",
  "idExpirationDate",
  "idDocumentFrontFileId",
  "idDocumentBackFileId",
];
const AUDIT_COLUMNS = [
  "id",
  "at",
  "actorType",
  "actorId",
  "actorLabel",
  "action",
  "customerId",
  "partnerId",
  "toStatus",
];

const quoted = (columns: string[]) => columns.map((column) => `"${column}"`).join(", ");
const INSERT_CUSTOMER = `INSERT INTO "Customer" (${quoted(CUSTOMER_COLUMNS)}) VALUES ${placeholders(1, CUSTOMER_COLUMNS.length)}`;
const INSERT_AUDIT_EVENT = `INSERT INTO "AuditEvent" (${quoted(AUDIT_COLUMNS)}) VALUES ${placeholders(1, AUDIT_COLUMNS.length)}`;
const INSERT_EVENT = `INSERT INTO "Event" ("id", "partnerId", "customerId", "type", "createdAt", "data") VALUES ($1, $2, $3, 'customer.created', $4, $5)`;
const INSERT_IDEMPOTENCY_KEY = `INSERT INTO "IdempotencyKey" ("partnerId", "scope", "key", "requestHash", "responseStatus", "responseBody", "createdAt") VALUES ($1, 'api', $2, $3, 200, $4, $5)`;

function referencedFileIds(request: CreateCustomerRequest): string[] {
  const ids = [...(request.business_details.business_identifier_document_list ?? [])];
  for (const person of request.business_person_list) {
    const { id_document_front_file_id: front, id_document_back_file_id: back } = person.identification;
    if (front) ids.push(front);
    if (back) ids.push(back);
  }
  return [...new Set(ids)];
}

/** Writes one customer in one transaction; null when a referenced file is not the partner's. */
async function write(
  pool: pg.Pool,
  partnerId: string,
  request: CreateCustomerRequest,
  key: string,
  hash: string,
): Promise<string | null> {
  const customerId = id("cus");
  const now = new Date();
  const b = request.business_details;
  const a = request.registration_address;
  const u = request.account_usage;
  const fileIds = referencedFileIds(request);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    if (fileIds.length > 0) {
      const owned = await client.query(`SELECT "id" FROM "File" WHERE "id" = ANY($1) AND "partnerId" = $2`, [
        fileIds,
        partnerId,
      ]);
      if (owned.rowCount !== fileIds.length) {
        await client.query("ROLLBACK");
        return null;
      }
    }
    await client.query(INSERT_CUSTOMER, [
      customerId,
      partnerId,
      request.partner_customer_id,
      "pending",
      0,
      now,
      now,
      b.business_name_english,
      b.business_name ?? null,
      b.website ?? null,
      b.business_identifier_number,
      b.business_identifier_country_code,
      b.business_identifier_start_date ?? null,
      b.business_identifier_expiry_date ?? null,
      a.registration_address_line1,
      a.registration_address_city,
      a.registration_address_state ?? null,
      a.registration_address_postcode ?? null,
      a.registration_address_country_code,
      u.operating_country,
      u.goods_service_description ?? null,
      u.industry_category_code ?? null,
      u.estimated_monthly_revenue_currency,
      String(u.estimated_monthly_revenue_amount),
      request.primary_contact.contact_phone ?? null,
      request.primary_contact.contact_email,
    ]);
    const persons = request.business_person_list.flatMap((person, position) => {
      const p = person.basic_info;
      const r = person.residential_address;
      const i = person.identification;
      return [
        id("bp"),
        customerId,
        position,
        p.first_name_english,
        p.last_name_english,
        p.first_name ?? null,
        p.last_name ?? null,
        p.birth_date,
        p.nationality,
        r?.residential_address_line1 ?? null,
        r?.residential_address_city ?? null,
        r?.residential_address_state ?? null,
        r?.residential_address_postcode ?? null,
        r?.residential_address_country_code ?? null,
        i.id_number,
        i.id_issuing_country_code,
        i.id_issue_date ?? null,
        i.id_expiration_date ?? null,
        i.id_document_front_file_id ?? null,
        i.id_document_back_file_id ?? null,
      ];
    });
    await client.query(
      `INSERT INTO "BusinessPerson" (${quoted(PERSON_COLUMNS)}) VALUES ${placeholders(request.business_person_list.length, PERSON_COLUMNS.length)}`,
      persons,
    );
    const documents = b.business_identifier_document_list ?? [];
    if (documents.length > 0) {
      await client.query(
        `INSERT INTO "CustomerDocument" ("customerId", "fileId", "position") VALUES ${placeholders(documents.length, 3)}`,
        documents.flatMap((fileId, position) => [customerId, fileId, position]),
      );
    }
    await client.query(INSERT_AUDIT_EVENT, [
      `evt_${crypto.randomBytes(16).toString("hex")}`,
      now,
      "api_key",
      "key_baseline",
      "API key baseline",
      "customer.created",
      customerId,
      partnerId,
      "pending",
    ]);
    const body = JSON.stringify({
      customer_id: customerId,
      status: "pending",
      created_at: now.toISOString(),
      ...request,
    });
    await client.query(INSERT_IDEMPOTENCY_KEY, [partnerId, key, hash, body, now]);
    // The outbox row the app writes with every customer (lib/events/), holding the customer.
    await client.query(INSERT_EVENT, [
      `evt_${crypto.randomBytes(16).toString("hex")}`,
      partnerId,
      customerId,
      now,
      JSON.stringify({ customer: JSON.parse(body) }),
    ]);
    await client.query("COMMIT");
    return body;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function serve(): Promise<void> {
  // synchronous_commit is on in the cluster already (durable); said again here so that this
  // server's durability does not depend on how its cluster was started.
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, options: "-c synchronous_commit=on" });
  const partner = await pool.query<{ id: string }>(`SELECT "id" FROM "Partner" ORDER BY "id" LIMIT 1`);
  const partnerId = partner.rows[0].id;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      let input: unknown;
      try {
        input = JSON.parse(raw.toString());
      } catch {
        response.writeHead(400).end();
        return;
      }
      const parsed = createCustomerRequestSchema.safeParse(input);
      const key = request.headers["idempotency-key"];
      if (!parsed.success || typeof key !== "string") {
        response.writeHead(400).end();
        return;
      }
      const hash = crypto.createHash("sha256").update(raw).digest("hex");
      write(pool, partnerId, parsed.data, key, hash).then(
        (body) => {
          if (body === null) response.writeHead(400).end();
          else response.writeHead(200, { "Content-Type": "application/json" }).end(body);
        },
        (error: unknown) => {
          console.error(error instanceof Error ? error.message : error);
          response.writeHead(500).end();
        },
      );
    });
  });
  server.listen(port, "127.0.0.1");
  process.once("SIGTERM", () => {
    server.close();
    server.closeAllConnections();
    void pool.end().finally(() => process.exit(0));
  });
}

if (cluster.isPrimary) {
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (listening === workers) console.log("ready");
  });
  cluster.on("exit", () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  for (let index = 0; index < workers; index += 1) cluster.fork();
  process.once("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  });
} else {
  serve().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
