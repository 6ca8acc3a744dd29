import "server-only";
import { z } from "zod";
import { validationError, zodMessage } from "@/lib/errors";
import { hasIdShape, type IdPrefix } from "@/lib/ids";

/**
 * Keyset pagination in (createdAt, id) order, for customers and events alike. A cursor names the
 * last row of a page, so pages stay stable while rows are added and cost an index seek, never an
 * offset.
 */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.getTime()}.${id}`).toString("base64url");
}

/** The cursor's row, or null when it is not a cursor of this kind of row (`prefix` of its ids). */
export function decodeCursor(cursor: string, prefix: IdPrefix = "cus"): { createdAt: Date; id: string } | null {
  const [millis, id] = Buffer.from(cursor, "base64url").toString().split(".");
  const createdAt = new Date(Number(millis));
  return hasIdShape(prefix, id) && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

type Bound = { lt: Date } | { gt: Date } | { lte: Date } | { gte: Date };

/** A where-clause on createdAt and id, which every keyset-paged model's where input accepts. */
export interface RowsAfter {
  createdAt: Bound;
  OR: [{ createdAt: Bound }, { id: { lt: string } | { gt: string } }];
}

/**
 * The rows after the cursor's row. The outer bound on createdAt alone is what lets the index
 * seek straight to the page; the OR only settles ties within one instant.
 */
export function rowsAfter(after: { createdAt: Date; id: string }, order: "asc" | "desc"): RowsAfter {
  const beyond = order === "desc" ? "lt" : "gt";
  const upTo = order === "desc" ? "lte" : "gte";
  return {
    createdAt: { [upTo]: after.createdAt } as Bound,
    OR: [{ createdAt: { [beyond]: after.createdAt } as Bound }, { id: { [beyond]: after.id } as { lt: string } }],
  };
}

const LIMIT_MESSAGE = zodMessage("pageLimit");

/** The paging parameters every partner API list takes: `limit` (1–100, default 20) and `cursor`. */
export const pageParameters = {
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(100, { error: LIMIT_MESSAGE })
    .default(20),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, { error: zodMessage("pageCursor") })
    .optional(),
};

/** One page of a partner API list. */
export interface ListPage<Item> {
  object: "list";
  data: Item[];
  has_more: boolean;
  next_cursor: string | null;
}

/** The row a `cursor` parameter names, or null without one; a cursor of anything else is refused. */
export function pagePosition(cursor: string | undefined, prefix: IdPrefix): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const after = decodeCursor(cursor, prefix);
  if (!after) {
    throw validationError([{ field: "cursor", code: "invalid_format", message: { key: "pageCursor" } }]);
  }
  return after;
}

/** The page from `limit + 1` rows read in list order: the extra row only says there is more. */
export function listPage<Row extends { createdAt: Date; id: string }, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): ListPage<Item> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const hasMore = rows.length > limit;
  return {
    object: "list",
    data: page.map(toItem),
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
