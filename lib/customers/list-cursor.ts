import "server-only";
import type { Prisma } from "@/lib/db";
import { hasIdShape } from "@/lib/ids";

/**
 * Keyset pagination over customers in (createdAt, id) order. A cursor names the last row of a
 * page, so pages stay stable while customers are added and cost an index seek, never an offset.
 */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.getTime()}.${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [millis, id] = Buffer.from(cursor, "base64url").toString().split(".");
  const createdAt = new Date(Number(millis));
  return hasIdShape("cus", id) && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

/**
 * The rows after the cursor's row. The outer bound on createdAt alone is what lets the index
 * seek straight to the page; the OR only settles ties within one instant.
 */
export function rowsAfter(after: { createdAt: Date; id: string }, order: "asc" | "desc"): Prisma.CustomerWhereInput {
  const beyond = order === "desc" ? "lt" : "gt";
  const upTo = order === "desc" ? "lte" : "gte";
  return {
    createdAt: { [upTo]: after.createdAt },
    OR: [{ createdAt: { [beyond]: after.createdAt } }, { id: { [beyond]: after.id } }],
  };
}
