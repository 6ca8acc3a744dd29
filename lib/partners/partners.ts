import "server-only";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { apiKeyRow, generateApiKeyPair, type ApiKeyPair } from "./api-keys";

export interface PartnerWithKey {
  partnerId: string;
  name: string;
  apiKey: ApiKeyPair;
}

export async function createPartner(
  name: string,
  options: { id?: string; apiKey?: ApiKeyPair; withoutKey?: boolean } = {},
): Promise<PartnerWithKey> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) throw new Error("A partner name must be 1–200 characters.");
  const apiKey = options.apiKey ?? generateApiKeyPair();
  const partner = await db.partner.create({
    data: {
      id: options.id ?? newId("ptn"),
      name: trimmed,
      ...(options.withoutKey ? {} : { apiKeys: { create: apiKeyRow(apiKey) } }),
    },
  });
  return { partnerId: partner.id, name: partner.name, apiKey };
}

export interface PartnerSummary {
  partnerId: string;
  name: string;
  createdAt: Date;
  /** Staff accounts of the partner, disabled ones included. */
  staffCount: number;
}

export async function listPartners(): Promise<PartnerSummary[]> {
  const rows = await db.partner.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, _count: { select: { users: true } } },
  });
  return rows.map((row) => ({
    partnerId: row.id,
    name: row.name,
    createdAt: row.createdAt,
    staffCount: row._count.users,
  }));
}
