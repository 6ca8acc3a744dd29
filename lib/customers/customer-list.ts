import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import type { CustomerStatus } from "./schema";
import { CUSTOMER_STATUSES } from "./schema";

export interface CustomerListFilters {
  status?: string;
  partnerId?: string;
  q?: string;
  cursor?: string;
  order?: string;
}

export interface CustomerListRow {
  customerId: string;
  partnerCustomerId: string;
  status: CustomerStatus;
  businessNameEnglish: string;
  businessName: string | null;
  partnerName: string;
  countryCode: string;
  createdAt: Date;
}

export interface CustomerListPage {
  rows: CustomerListRow[];
  nextCursor: string | null;
}

export const CUSTOMER_PAGE_SIZE = 25;

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.getTime()}.${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [millis, id] = Buffer.from(cursor, "base64url").toString().split(".");
  const createdAt = new Date(Number(millis));
  return id && /^cus_[0-9a-f]{32}$/.test(id) && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

/**
 * One page of the customers an actor may see: reviewers every partner's, partner staff their
 * own. Keyset pagination on (created_at, id), which the indexes serve without counting or offsets.
 */
export async function listCustomersForActor(actor: Actor, filters: CustomerListFilters): Promise<CustomerListPage> {
  const scope: Prisma.CustomerWhereInput =
    actor.role === "reviewer"
      ? filters.partnerId
        ? { partnerId: filters.partnerId }
        : {}
      : { partnerId: actor.partnerId ?? "-" };
  const status = CUSTOMER_STATUSES.find((candidate) => candidate === filters.status);
  const q = filters.q?.trim();
  const search: Prisma.CustomerWhereInput = q
    ? /^cus_[0-9a-f]{32}$/.test(q)
      ? { id: q }
      : { OR: [{ partnerCustomerId: q }, { businessNameEnglish: { contains: q } }, { businessName: { contains: q } }] }
    : {};
  const ascending = filters.order === "oldest";
  const after = filters.cursor ? decodeCursor(filters.cursor) : null;
  const compare = ascending ? "gt" : "lt";
  const page: Prisma.CustomerWhereInput = after
    ? {
        OR: [
          { createdAt: { [compare]: after.createdAt } },
          { createdAt: after.createdAt, id: { [compare]: after.id } },
        ],
      }
    : {};
  const rows = await db.customer.findMany({
    where: { AND: [scope, status ? { status } : {}, search, page] },
    orderBy: [{ createdAt: ascending ? "asc" : "desc" }, { id: ascending ? "asc" : "desc" }],
    take: CUSTOMER_PAGE_SIZE + 1,
    select: {
      id: true,
      partnerCustomerId: true,
      status: true,
      businessNameEnglish: true,
      businessName: true,
      businessIdentifierCountryCode: true,
      createdAt: true,
      partner: { select: { name: true } },
    },
  });
  const shown = rows.slice(0, CUSTOMER_PAGE_SIZE);
  const last = shown.at(-1);
  return {
    rows: shown.map((row) => ({
      customerId: row.id,
      partnerCustomerId: row.partnerCustomerId,
      status: row.status as CustomerStatus,
      businessNameEnglish: row.businessNameEnglish,
      businessName: row.businessName,
      partnerName: row.partner.name,
      countryCode: row.businessIdentifierCountryCode,
      createdAt: row.createdAt,
    })),
    nextCursor: rows.length > CUSTOMER_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** The partners a reviewer can filter the list by. */
export async function customerPartnerOptions(): Promise<{ id: string; name: string }[]> {
  return db.partner.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
