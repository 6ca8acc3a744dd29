/**
 * The baseline the app is measured against: a bare node:http server doing the same Zod
 * validation and one better-sqlite3 transaction inserting the same rows (customer, people,
 * idempotent response), with the same durability (WAL, synchronous = FULL). No auth, no
 * framework, no ORM: what is left when every layer of ours is taken away.
 */
import crypto from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";
import { createCustomerRequestSchema } from "@/lib/customers/schema";

const [databaseFile, portText] = process.argv.slice(2);
const database = new Database(databaseFile);
database.pragma("journal_mode = WAL");
database.pragma("synchronous = FULL");

const insertCustomer =
  database.prepare(`INSERT INTO "Customer" ("id", "partnerId", "partnerCustomerId", "status", "version", "createdAt", "updatedAt",
  "businessNameEnglish", "businessName", "website", "businessIdentifierNumber", "businessIdentifierCountryCode", "businessIdentifierStartDate", "businessIdentifierExpiryDate",
  "registrationAddressLine1", "registrationAddressCity", "registrationAddressState", "registrationAddressPostcode", "registrationAddressCountryCode",
  "operatingCountry", "goodsServiceDescription", "industryCategoryCode", "estimatedMonthlyRevenueCurrency", "estimatedMonthlyRevenueAmount", "contactPhone", "contactEmail")
  VALUES (?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const insertPerson =
  database.prepare(`INSERT INTO "BusinessPerson" ("id", "customerId", "position", "firstNameEnglish", "lastNameEnglish", "firstName", "lastName", "birthDate", "nationality",
  "residentialAddressLine1", "residentialAddressCity", "residentialAddressState", "residentialAddressPostcode", "residentialAddressCountryCode",
  "idNumber", "idIssuingCountryCode", "idIssueDate", "idExpirationDate", "idDocumentFrontFileId", "idDocumentBackFileId")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const insertIdempotencyKey = database.prepare(
  `INSERT INTO "IdempotencyKey" ("partnerId", "key", "requestHash", "responseStatus", "responseBody", "createdAt") VALUES (?, ?, ?, 200, ?, ?)`,
);
const partnerId = (database.prepare(`SELECT "id" FROM "Partner" LIMIT 1`).get() as { id: string }).id;

const id = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;

const write = database.transaction(
  (request: ReturnType<typeof createCustomerRequestSchema.parse>, key: string, hash: string) => {
    const customerId = id("cus");
    const now = new Date().toISOString();
    const b = request.business_details;
    const a = request.registration_address;
    const u = request.account_usage;
    insertCustomer.run(
      customerId,
      partnerId,
      request.partner_customer_id,
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
    );
    request.business_person_list.forEach((person, position) => {
      const p = person.basic_info;
      const r = person.residential_address;
      const i = person.identification;
      insertPerson.run(
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
      );
    });
    const body = JSON.stringify({ ...request, customer_id: customerId, status: "pending", created_at: now });
    insertIdempotencyKey.run(partnerId, key, hash, body, now);
    return body;
  },
);

http
  .createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const parsed = createCustomerRequestSchema.safeParse(JSON.parse(raw.toString()));
      if (!parsed.success) {
        response.writeHead(400).end();
        return;
      }
      const hash = crypto.createHash("sha256").update(raw).digest("hex");
      const body = write(parsed.data, String(request.headers["idempotency-key"]), hash);
      response.writeHead(200, { "Content-Type": "application/json" }).end(body);
    });
  })
  .listen(Number(portText), "127.0.0.1", () => process.send?.("ready"));
