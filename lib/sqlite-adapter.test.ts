import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class RolledBack extends Error {}

/** A small seeded generator, so that a failing interleaving can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface QueuedTransaction {
  /** Commits or throws RolledBack after writing `partnerIds`, holding the transaction `holdMs`. */
  commits: boolean;
  holdMs: number;
  partnerIds: string[];
}

/** Runs one transaction through the shared client; resolves with whether it committed. */
function runTransaction({ commits, holdMs, partnerIds }: QueuedTransaction): Promise<boolean> {
  return db
    .$transaction(async (tx) => {
      await tx.partner.create({ data: { id: partnerIds[0], name: "In a transaction" } });
      await pause(holdMs);
      // Statements the transaction issues itself must not wait for the place it holds.
      expect(await tx.partner.count({ where: { id: partnerIds[0] } })).toBe(1);
      await tx.partner.create({ data: { id: partnerIds[1], name: "In a transaction" } });
      if (!commits) throw new RolledBack();
    })
    .then(
      () => true,
      (error: unknown) => {
        if (error instanceof RolledBack) return false;
        throw error;
      },
    );
}

async function storedPartnerIds(ids: string[]): Promise<Set<string>> {
  const rows = await db.partner.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

/**
 * Queues `count` transactions at once, commits or rolls each back at random, and writes outside
 * them while they run: right after each one settles (when the next is taking its turn) and at
 * random moments. Every acknowledged outside write must be kept, and every rolled-back
 * transaction's writes must be gone.
 */
async function queuedTransactionsWithOutsideWrites(count: number, seed: number) {
  const random = seededRandom(seed);
  const run = `${count}_${seed}`;
  const outsideWrites: Promise<string>[] = [];
  const writeOutside = (label: string) => {
    const id = `ptn_outside_${run}_${label}`;
    const written = db.partner.create({ data: { id, name: "Outside" } }).then(() => id);
    outsideWrites.push(written);
    return written;
  };
  const transactions = Array.from({ length: count }, (_, index): QueuedTransaction => {
    const commits = random() < 0.5;
    return {
      commits,
      holdMs: Math.floor(random() * 8),
      partnerIds: [`ptn_tx_${run}_${index}_a`, `ptn_tx_${run}_${index}_b`],
    };
  });
  const outcomes = transactions.map(async (transaction, index) => {
    const committed = await runTransaction(transaction);
    await writeOutside(`after_${index}`);
    return committed;
  });
  transactions.forEach((_, index) => {
    if (random() < 0.5) void writeOutside(`at_${index}`);
    else setTimeout(() => void writeOutside(`timer_${index}`), Math.floor(random() * 20 * count));
  });
  const committed = await Promise.all(outcomes);
  await pause(20 * count);
  const acknowledged = await Promise.all(outsideWrites);

  const stored = await storedPartnerIds([...acknowledged, ...transactions.flatMap((t) => t.partnerIds)]);
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  transactions.forEach((transaction, index) => {
    expect(committed[index]).toBe(transaction.commits);
    for (const id of transaction.partnerIds) expect(stored.has(id), id).toBe(transaction.commits);
  });
  expect(acknowledged.length).toBe(count * 2);
}

describe("the SQLite connection shared by concurrent requests", () => {
  it("keeps a write made while another request's transaction is open out of that transaction", async () => {
    const failing = db
      .$transaction(async (tx) => {
        await tx.partner.create({ data: { id: "ptn_rolled_back", name: "Rolled back" } });
        await pause(100);
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);
    await pause(20);
    await db.partner.create({ data: { id: "ptn_independent", name: "Independent" } });

    expect(await failing).toBe("roll back");
    expect(await db.partner.findUnique({ where: { id: "ptn_rolled_back" } })).toBeNull();
    expect(await db.partner.findUnique({ where: { id: "ptn_independent" } })).not.toBeNull();
  });

  it("keeps a write made after two queued transactions committed out of a third that rolls back", async () => {
    const first = runTransaction({ commits: true, holdMs: 30, partnerIds: ["ptn_first_a", "ptn_first_b"] });
    const second = runTransaction({ commits: true, holdMs: 0, partnerIds: ["ptn_second_a", "ptn_second_b"] });
    const third = runTransaction({ commits: false, holdMs: 100, partnerIds: ["ptn_third_a", "ptn_third_b"] });
    expect(await second).toBe(true);
    await db.partner.create({ data: { id: "ptn_after_second", name: "Outside" } });

    expect(await first).toBe(true);
    expect(await third).toBe(false);
    const stored = await storedPartnerIds([
      "ptn_after_second",
      "ptn_first_a",
      "ptn_second_b",
      "ptn_third_a",
      "ptn_third_b",
    ]);
    expect([...stored].sort()).toEqual(["ptn_after_second", "ptn_first_a", "ptn_second_b"]);
  });

  it.each([
    [5, 1],
    [5, 2],
    [5, 3],
    [20, 4],
    [20, 5],
  ])(
    "keeps every acknowledged outside write with %i queued transactions committing or rolling back at random (seed %i)",
    queuedTransactionsWithOutsideWrites,
  );

  it("gives up a transaction's place when its BEGIN fails", async () => {
    // A transaction already open on the connection makes the next BEGIN fail, as a real error would.
    await db.$executeRawUnsafe("BEGIN");
    await expect(db.$transaction(async (tx) => tx.partner.count())).rejects.toThrow(/within a transaction/);
    await db.$executeRawUnsafe("ROLLBACK");

    await runTransaction({ commits: true, holdMs: 0, partnerIds: ["ptn_after_begin_a", "ptn_after_begin_b"] });
    expect(await storedPartnerIds(["ptn_after_begin_a"])).toEqual(new Set(["ptn_after_begin_a"]));
  }, 5_000);

  it("rolls back and gives up a transaction's place when its COMMIT fails", async () => {
    const committing = db.$transaction(async (tx) => {
      await tx.partner.create({ data: { id: "ptn_refused_commit", name: "Refused at commit" } });
      // A foreign key checked only at COMMIT makes SQLite refuse the COMMIT and keep the transaction open.
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
      await tx.$executeRawUnsafe(
        `INSERT INTO "CustomerDocument" ("customerId", "fileId", "position") VALUES ('cus_missing', 'file_missing', 0)`,
      );
    });
    await expect(committing).rejects.toThrow(/foreign ?key/i);

    await db.partner.create({ data: { id: "ptn_after_refused_commit", name: "Outside" } });
    await runTransaction({ commits: true, holdMs: 0, partnerIds: ["ptn_after_commit_a", "ptn_after_commit_b"] });
    const stored = await storedPartnerIds(["ptn_refused_commit", "ptn_after_refused_commit", "ptn_after_commit_a"]);
    expect([...stored].sort()).toEqual(["ptn_after_commit_a", "ptn_after_refused_commit"]);
    expect(await db.customerDocument.count({ where: { customerId: "cus_missing" } })).toBe(0);
  }, 5_000);
});
