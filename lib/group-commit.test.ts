import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";

describe("GroupCommit", () => {
  it("writes items of one turn together, and gathers items that arrive during a write into the next group", async () => {
    const groups: number[][] = [];
    // The first write is held until the test lets it finish: items 3 to 5 arrive while it is under way.
    let firstWriteStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstWriteStarted = resolve));
    let finishFirstWrite!: () => void;
    const finished = new Promise<void>((resolve) => (finishFirstWrite = resolve));
    const writer = new GroupCommit<number>(async (items) => {
      groups.push(items);
      if (groups.length === 1) {
        firstWriteStarted();
        await finished;
      }
    });
    const firstTurn = [1, 2].map((item) => writer.write(item));
    await started;
    const duringTheWrite = [3, 4, 5].map((item) => writer.write(item));
    // A group starts a turn after its items arrive (setImmediate): give it that turn, and see that
    // none starts while a write is under way.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(groups).toEqual([[1, 2]]);
    finishFirstWrite();
    await Promise.all([...firstTurn, ...duringTheWrite]);
    expect(groups).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it("writes a lone item in a group of its own", async () => {
    const groups: number[][] = [];
    const writer = new GroupCommit<number>(async (items) => {
      groups.push(items);
    });
    await writer.write(1);
    await writer.write(2);
    expect(groups).toEqual([[1], [2]]);
  });

  it("fails only the item whose write fails, retrying the group one by one", async () => {
    const written: number[] = [];
    const writer = new GroupCommit<number>(async (items) => {
      await Promise.resolve();
      if (items.includes(3)) throw new Error("duplicate");
      written.push(...items);
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((item) => writer.write(item)));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(written.sort()).toEqual([1, 2, 4]);
  });

  it("never puts more than the maximum in one group", async () => {
    const sizes: number[] = [];
    const writer = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
      await Promise.resolve();
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((item) => writer.write(item)));
    expect(Math.max(...sizes)).toBe(2);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(5);
  });
});
