import { describe, expect, it } from "vitest";
import { maskIdNumber } from "./mask";

describe("maskIdNumber", () => {
  it("shows only the last three characters of an ID number", () => {
    expect(maskIdNumber("E12345678")).toBe("••••••678");
  });

  it.each(["1", "123", "12345", "123456"])("gives nothing away of the short number %s", (value) => {
    const masked = maskIdNumber(value) ?? "";
    expect(masked).toMatch(/^•+$/);
    expect(masked.length).toBeGreaterThanOrEqual(4);
  });

  it("has nothing to show for a missing number", () => {
    expect(maskIdNumber("")).toBeUndefined();
    expect(maskIdNumber(null)).toBeUndefined();
  });
});
