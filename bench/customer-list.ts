/**
 * The back office's customer list with 100,000 customers: server time of the list query for the
 * first page, a deep page, a status filter, a partner filter and a search, as a reviewer sees it.
 * Rows are inserted straight into a fresh, migrated database (fast set-up); the timed part is the
 * app's own listCustomersForActor, through Prisma, as the page calls it.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const RUNS = 30;
const root = path.resolve(import.meta.dirname, "..");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "axisfi-list-bench-"));
const databaseFile = path.join(workDir, "list.db");

const WORDS = [
  "Global",
  "Trading",
  "Pacific",
  "Northern",
  "Digital",
  "Harbour",
  "Summit",
  "Atlas",
  "Nova",
  "Crescent",
  "Pioneer",
  "Meridian",
  "Evergreen",
  "Silverline",
  "Bluewater",
  "Keystone",
];
const SUFFIXES = ["Ltd", "LLC", "GmbH", "Pte Ltd", "Inc", "SAS", "BV"];
const STATUSES = ["pending", "pending", "active", "active", "active", "rejected", "suspended"];

function seed(): void {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    stdio: "ignore",
  });
  const database = new Database(databaseFile);
  database.pragma("journal_mode = WAL");
  const partners = Array.from({ length: 20 }, (_, index) => `ptn_bench${String(index).padStart(2, "0")}`);
  const insertPartner = database.prepare(`INSERT INTO "Partner" ("id", "name") VALUES (?, ?)`);
  const insertCustomer =
    database.prepare(`INSERT INTO "Customer" ("id", "partnerId", "partnerCustomerId", "status", "version", "createdAt", "updatedAt",
    "businessNameEnglish", "businessIdentifierNumber", "businessIdentifierCountryCode", "registrationAddressLine1", "registrationAddressCity",
    "registrationAddressCountryCode", "operatingCountry", "estimatedMonthlyRevenueCurrency", "estimatedMonthlyRevenueAmount", "contactEmail")
    VALUES (?, ?, ?, ?, 0, ?, ?, ?, 'REG-1', 'US', '1 Main St', 'Springfield', 'US', 'US', 'USD', 1000, 'ops@example.com')`);
  const start = Date.parse("2024-01-01T00:00:00Z");
  database.transaction(() => {
    partners.forEach((id, index) => insertPartner.run(id, `Bench Partner ${index}`));
    for (let index = 0; index < CUSTOMERS; index += 1) {
      // The format Prisma's SQLite adapter writes, so that the app's comparisons hold.
      const createdAt = new Date(start + index * 60_000).toISOString().replace("Z", "+00:00");
      const name = `${WORDS[index % WORDS.length]} ${WORDS[(index * 7) % WORDS.length]} ${index} ${SUFFIXES[index % SUFFIXES.length]}`;
      insertCustomer.run(
        `cus_${crypto.randomUUID().replaceAll("-", "")}`,
        partners[index % partners.length],
        `bench-reference-${String(index).padStart(10, "0")}`,
        STATUSES[index % STATUSES.length],
        createdAt,
        createdAt,
        name,
      );
    }
  })();
  database.pragma("optimize");
  database.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const seeding = performance.now();
  seed();
  console.log(
    `Seeded ${CUSTOMERS.toLocaleString("en-US")} customers in ${((performance.now() - seeding) / 1000).toFixed(1)} s.\n`,
  );

  process.env.DATABASE_URL = `file:${databaseFile}`;
  process.env.API_KEY_HASH_SECRET ??= "bench-hash-secret-0123456789abcdef0123456789";
  process.env.AUTH_SECRET ??= "bench-auth-secret-0123456789abcdef0123456789";
  const { listCustomersForActor } = await import("@/lib/customers/customer-list");
  const { db, prepareDatabase } = await import("@/lib/db");
  await prepareDatabase();
  const reviewer = { userId: "usr_bench", role: "reviewer" as const, partnerId: null };

  // A cursor 90 % of the way down the list: what 3,600 "next page" clicks would reach.
  const deep = await db.customer.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: Math.floor(CUSTOMERS * 0.9),
    take: 1,
  });
  const deepCursor = Buffer.from(`${deep[0].createdAt.getTime()}.${deep[0].id}`).toString("base64url");
  const someone = await db.customer.findFirstOrThrow({ where: { partnerCustomerId: "bench-reference-0000054321" } });

  const cases: [string, Parameters<typeof listCustomersForActor>[1]][] = [
    ["first page", {}],
    ["deep page (90 %)", { cursor: deepCursor }],
    ["status = suspended", { status: "suspended" }],
    ["partner filter", { partnerId: "ptn_bench07" }],
    ["partner + status", { partnerId: "ptn_bench07", status: "rejected" }],
    ["oldest first", { order: "oldest" }],
    ["search: name part", { q: "Meridian Atlas 9" }],
    ["search: customer_id", { q: someone.id }],
    ["search: partner_customer_id", { q: "bench-reference-0000054321" }],
  ];
  console.log(`List query server time, ${RUNS} runs each (median / p95 / max, ms):`);
  for (const [name, filters] of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      const page = await listCustomersForActor(reviewer, filters);
      times.push(performance.now() - started);
      rows = page.rows.length;
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(28)} ${percentile(times, 50).toFixed(2).padStart(7)} / ${percentile(times, 95).toFixed(2).padStart(7)} / ${times[times.length - 1].toFixed(2).padStart(7)}   (${rows} rows)`,
    );
  }
  await db.$disconnect();
  fs.rmSync(workDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
