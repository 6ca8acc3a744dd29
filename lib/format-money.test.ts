import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";
import { formatDate, formatDateTime } from "./format-date";

describe("formatMoney", () => {
  it("writes the currency code, then the amount grouped with the currency's decimals", () => {
    expect(formatMoney(185000, "SGD")).toBe("SGD 185,000.00");
    expect(formatMoney(99.9, "USD")).toBe("USD 99.90");
    expect(formatMoney(5000, "JPY")).toBe("JPY 5,000");
  });

  it("still shows an amount whose currency code is unknown", () => {
    expect(formatMoney(12.5, "")).toBe("12.50");
  });
});

describe("formatDate", () => {
  it("reads a date or a UTC date-time as the calendar date it names", () => {
    expect(formatDate("1985-11-07")).toBe("7 Nov 1985");
    expect(formatDate("2030-03-01T00:00:00Z")).toBe("1 Mar 2030");
  });

  it("writes dates and moments in the reader's language, always in UTC", () => {
    expect(formatDate("1985-11-07", "zh-CN")).toBe("1985年11月7日");
    expect(formatDateTime(new Date("2026-11-25T13:41:15Z"), "zh-CN")).toBe("2026年11月25日 13:41");
    expect(formatDateTime(new Date("2026-11-25T13:41:15Z"))).toBe("25 Nov 2026, 13:41");
    expect(formatMoney(185000, "SGD", "zh-CN")).toBe("SGD 185,000.00");
  });

  it("shows text that is no date as given", () => {
    expect(formatDate("soon")).toBe("soon");
  });
});
