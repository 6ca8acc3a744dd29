import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CommitGate } from "@/tests/helpers/commit-gate";
import { changeRole, setDisabled, upsertUser } from "./users";

let counter = 0;

async function newAdmin(name: string): Promise<Actor> {
  counter += 1;
  const userId = await upsertUser({
    email: `concurrent-admin-${counter}@example.com`,
    name,
    password: "a long enough password",
    role: "admin",
  });
  return { userId, role: "admin", partnerId: null };
}

const REMOVALS = {
  disable: (actor: Actor, target: Actor) => setDisabled(actor, target.userId, true),
  demote: (actor: Actor, target: Actor) => changeRole(actor, target.userId, "reviewer", null),
};

describe("two administrators removing each other at the same moment", () => {
  it.each([
    ["disable", "disable"],
    ["demote", "demote"],
    ["disable", "demote"],
  ] as const)("%s and %s: one goes through, the other is refused, an administrator remains", async (first, second) => {
    // Exactly two enabled administrators.
    await db.user.updateMany({ where: { role: "admin" }, data: { disabledAt: new Date() } });
    const ada = await newAdmin("Ada Admin");
    const bob = await newAdmin("Bob Admin");

    // Each transaction is held at its commit, after its last statement (the count of the
    // administrators left): the moment both would have counted the other as still there.
    const gate = await CommitGate.close("User");
    let results: PromiseSettledResult<void>[];
    try {
      const both = Promise.allSettled([REMOVALS[first](ada, bob), REMOVALS[second](bob, ada)]);
      // Guarded, the second waits for the first's lock on the administrators; unguarded, both
      // wait at the gate with their count done.
      await gate.waitForLockWaiters(2);
      await gate.open();
      results = await both;
    } finally {
      await gate.remove();
    }

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(AppError);
    expect(refused?.reason).toMatchObject({
      code: "conflict",
      status: 409,
      userMessage: { key: "lastAdministrator" },
    });
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });
});
