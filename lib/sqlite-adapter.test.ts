import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

describe("the SQLite connection shared by concurrent requests", () => {
  it("keeps a write made while another request's transaction is open out of that transaction", async () => {
    const failing = db
      .$transaction(async (tx) => {
        await tx.partner.create({ data: { id: "ptn_rolled_back", name: "Rolled back" } });
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await db.partner.create({ data: { id: "ptn_independent", name: "Independent" } });

    expect(await failing).toBe("roll back");
    expect(await db.partner.findUnique({ where: { id: "ptn_rolled_back" } })).toBeNull();
    expect(await db.partner.findUnique({ where: { id: "ptn_independent" } })).not.toBeNull();
  });
});
