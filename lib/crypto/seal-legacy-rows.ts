import "server-only";
import { db, type Prisma } from "@/lib/db";
import { responseOwner } from "@/lib/idempotency/idempotency-keys";
import { SEALED_PREFIX, seal } from "./personal-data";

export interface SealedLegacyRows {
  idNumbers: number;
  responses: number;
  drafts: number;
}

const BATCH_SIZE = 500;

/**
 * Seals what was stored in clear before personal data was sealed at rest: every legal
 * representative's ID number, every stored idempotent response and every open draft's form. Run at start-up; it works in
 * batches of short transactions (so the database stays writable meanwhile), only touches rows
 * still in clear, and changes a row only if it still holds the value read, so running it twice,
 * or beside live traffic, is safe. Reading never depended on it: plaintext rows are read as they are.
 */
export async function sealLegacyPersonalData(batchSize = BATCH_SIZE): Promise<SealedLegacyRows> {
  return {
    idNumbers: await sealLegacyIdNumbers(batchSize),
    responses: await sealLegacyResponses(batchSize),
    drafts: await sealLegacyDrafts(batchSize),
  };
}

async function sealLegacyResponses(batchSize: number): Promise<number> {
  let sealed = 0;
  for (;;) {
    const responses = await db.idempotencyKey.findMany({
      where: { NOT: { responseBody: { startsWith: SEALED_PREFIX } } },
      select: { partnerId: true, scope: true, key: true, responseBody: true },
      take: batchSize,
    });
    if (responses.length === 0) return sealed;
    const results = await db.$transaction(
      responses.map((response) =>
        db.idempotencyKey.updateMany({
          where: {
            partnerId: response.partnerId,
            scope: response.scope,
            key: response.key,
            responseBody: response.responseBody,
          },
          data: { responseBody: seal(response.responseBody, "idempotent_response", responseOwner(response)) },
        }),
      ),
    );
    const count = results.reduce((total, result) => total + result.count, 0);
    // Nothing sealed means every row read was changed or deleted meanwhile; the next start retries.
    if (count === 0) return sealed;
    sealed += count;
  }
}

/**
 * Seals one text column of a table keyed by `id`, in batches walked by id (so a row that could
 * not be sealed, changed meanwhile, is never read again).
 */
async function sealColumnById(
  unsealedAfter: (after: string) => Promise<{ id: string; value: string }[]>,
  sealIfUnchanged: (row: { id: string; value: string }) => Prisma.PrismaPromise<{ count: number }>,
): Promise<number> {
  let sealed = 0;
  let after = "";
  for (;;) {
    const rows = await unsealedAfter(after);
    if (rows.length === 0) return sealed;
    after = rows.at(-1)!.id;
    const results = await db.$transaction(rows.map(sealIfUnchanged));
    sealed += results.reduce((total, result) => total + result.count, 0);
  }
}

function sealLegacyIdNumbers(batchSize: number): Promise<number> {
  return sealColumnById(
    async (after) =>
      (
        await db.businessPerson.findMany({
          where: { id: { gt: after }, NOT: { idNumber: { startsWith: SEALED_PREFIX } } },
          select: { id: true, idNumber: true },
          orderBy: { id: "asc" },
          take: batchSize,
        })
      ).map((person) => ({ id: person.id, value: person.idNumber })),
    ({ id, value }) =>
      db.businessPerson.updateMany({
        where: { id, idNumber: value },
        data: { idNumber: seal(value, "id_number", id) },
      }),
  );
}

function sealLegacyDrafts(batchSize: number): Promise<number> {
  return sealColumnById(
    async (after) =>
      (
        await db.onboardingDraft.findMany({
          // A submitted draft holds "{}": nothing personal, nothing to seal.
          where: { id: { gt: after }, NOT: [{ data: { startsWith: SEALED_PREFIX } }, { data: "{}" }] },
          select: { id: true, data: true },
          orderBy: { id: "asc" },
          take: batchSize,
        })
      ).map((draft) => ({ id: draft.id, value: draft.data })),
    ({ id, value }) =>
      db.onboardingDraft.updateMany({ where: { id, data: value }, data: { data: seal(value, "draft", id) } }),
  );
}
