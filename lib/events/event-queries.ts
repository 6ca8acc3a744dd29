import "server-only";
import { z } from "zod";
import { openStored } from "@/lib/crypto/personal-data";
import { canonicalTimestamp, toApiTimestamp } from "@/lib/customers/fields";
import { listPage, pageParameters, pagePosition, rowsAfter, type ListPage } from "@/lib/customers/list-cursor";
import { db, type Prisma } from "@/lib/db";
import { fieldErrorsFromZod, validationError, zodMessage } from "@/lib/errors";
import { EVENT_TYPES } from "./event-types";
import type { EventResource } from "./resource-schema";

function timestampParameter() {
  return z
    .string()
    .refine((value) => canonicalTimestamp(value) !== null, { error: zodMessage("isoDate") })
    .transform((value) => new Date(/T/.test(value) ? value : `${value}T00:00:00Z`))
    .optional();
}

export const listEventsQuerySchema = z.strictObject({
  type: z.enum(EVENT_TYPES, { error: zodMessage("oneOf", { values: EVENT_TYPES.join(", ") }) }).optional(),
  created_after: timestampParameter(),
  created_before: timestampParameter(),
  ...pageParameters,
});

export type ListEventsQuery = z.input<typeof listEventsQuerySchema>;

export type EventPage = ListPage<EventResource>;

const SECOND = 1000;
const floorToSecond = (date: Date) => new Date(Math.floor(date.getTime() / SECOND) * SECOND);
const ceilToSecond = (date: Date) => new Date(Math.ceil(date.getTime() / SECOND) * SECOND);

/**
 * The time filters, both exclusive, compared with `created_at` as the API shows it (to the
 * second): created_after=T lists what shows a created_at later than T, so passing the created_at
 * of the last event seen never lists an event of that same second again.
 */
function createdWithin(after: Date | undefined, before: Date | undefined): Prisma.DateTimeFilter | undefined {
  if (!after && !before) return undefined;
  return {
    ...(after ? { gte: new Date(floorToSecond(after).getTime() + SECOND) } : {}),
    ...(before ? { lt: ceilToSecond(before) } : {}),
  };
}

function toEventResource(row: { id: string; type: string; createdAt: Date; data: string }): EventResource {
  return {
    id: row.id,
    type: row.type as EventResource["type"],
    created_at: toApiTimestamp(row.createdAt),
    data: JSON.parse(openStored(row.data, "event", row.id)) as EventResource["data"],
  };
}

/** One page of a partner's events, newest first, optionally of one type and within a time range. */
export async function listPartnerEvents(partnerId: string, query: ListEventsQuery): Promise<EventPage> {
  const parsed = listEventsQuerySchema.safeParse(query);
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), "invalidQuery");
  const { type, created_after: createdAfter, created_before: createdBefore, limit, cursor } = parsed.data;
  const after = pagePosition(cursor, "evt");
  const within = createdWithin(createdAfter, createdBefore);
  const rows = await db.event.findMany({
    where: {
      partnerId,
      ...(type ? { type } : {}),
      // The time range and the cursor each bound createdAt: AND keeps both.
      AND: [...(within ? [{ createdAt: within }] : []), ...(after ? [rowsAfter(after, "desc")] : [])],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return listPage(rows, limit, toEventResource);
}
