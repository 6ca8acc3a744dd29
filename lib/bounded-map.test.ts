import { describe, expect, it } from "vitest";
import { BoundedMap } from "./bounded-map";

describe("BoundedMap", () => {
  it("drops the least recently set entry when one too many is set", () => {
    const map = new BoundedMap<string, number>(3);
    map.set("a", 1).set("b", 2).set("c", 3);
    map.set("a", 10); // "a" is now the most recent; "b" the oldest
    map.set("d", 4);
    expect(map.size).toBe(3);
    expect(map.has("b")).toBe(false);
    expect([map.get("a"), map.get("c"), map.get("d")]).toEqual([10, 3, 4]);
  });

  it("stays at its capacity after 100,000 distinct keys", () => {
    const map = new BoundedMap<string, number>(1_000);
    for (let index = 0; index < 100_000; index += 1) map.set(`key-${index}`, index);
    expect(map.size).toBe(1_000);
    expect(map.get("key-99999")).toBe(99_999);
    expect(map.has("key-98999")).toBe(false);
  });

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});
