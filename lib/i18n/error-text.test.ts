import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import type { MessageKey, MessageValues } from "@/lib/errors";
import english from "@/messages/errors/en.json";
import { sayFieldErrors, sayMessage } from "./error-catalogs";
import { LOCALES } from "./locales";

const HAN = /\p{Script=Han}/u;
const KEYS = Object.keys(english) as MessageKey[];

/** A value for each argument a message takes: a number where it counts, a case where it chooses. */
function sampleValues(message: string): MessageValues {
  const values: Record<string, string | number> = {};
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if (element.type === TYPE.plural || element.type === TYPE.number) values[element.value] = 3;
      else if (element.type === TYPE.select) {
        values[element.value] = Object.keys(element.options).find((option) => option !== "other") ?? "x";
      } else if (element.type !== TYPE.tag) values[element.value] ??= element.value === "country" ? "SG" : "7";
      if (element.type === TYPE.select || element.type === TYPE.plural) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return values;
}

describe("the errors catalog", () => {
  it("says every message code in every language, with its values filled in", () => {
    for (const key of KEYS) {
      const values = sampleValues(english[key]);
      for (const locale of LOCALES) {
        const said = sayMessage({ key, values }, locale);
        expect(said, `${locale} ${key}`).not.toMatch(/[{}]/);
        expect(said, `${locale} ${key}`).not.toBe(key);
        if (locale === "zh-CN") expect(said, `${locale} ${key}`).toMatch(HAN);
        else expect(said, `${locale} ${key}`).not.toMatch(HAN);
      }
    }
  });

  it("refuses, outside production, a message said without the values its words need", () => {
    expect(() => sayMessage({ key: "passwordTooShort" }, "en")).toThrow();
  });

  it("says a country's code as its name, and numbers in the reader's format", () => {
    const invalidNumber = { key: "phoneInvalidForCountry", values: { country: "SG" } } as const;
    expect(sayMessage(invalidNumber, "en")).toBe("This is not a valid Singapore number.");
    expect(sayMessage(invalidNumber, "zh-CN")).toBe("这不是有效的新加坡号码。");
    expect(sayMessage({ key: "moreErrors", values: { more: 1234 } }, "en")).toBe("…and 1,234 more");
    expect(sayMessage({ key: "moreErrors", values: { more: 1234 } }, "zh-CN")).toBe("……另有 1,234 项");
  });

  it("chooses the words a value asks for: a status, a count", () => {
    const notPending = { key: "customerNotPending", values: { status: "suspended" } } as const;
    expect(sayMessage(notPending, "en")).toBe(
      "The customer is suspended: only a pending customer can be asked for information or updated.",
    );
    expect(sayMessage(notPending, "zh-CN")).toBe("该客户状态为已暂停：只有待审核的客户可以被要求补充信息或更新。");
    expect(sayMessage({ key: "signInThrottled", values: { minutes: 1 } }, "en")).toBe(
      "Too many failed sign-in attempts. Try again in 1 minute.",
    );
    expect(sayMessage({ key: "signInThrottled", values: { minutes: 15 } }, "en")).toBe(
      "Too many failed sign-in attempts. Try again in 15 minutes.",
    );
  });

  it("says field errors, keeping their fields and codes", () => {
    const details = [
      { field: "business_details.website", code: "invalid_url", message: { key: "webAddress" } },
    ] as const;
    expect(sayFieldErrors(details, "zh-CN")).toEqual([
      { field: "business_details.website", code: "invalid_url", message: "须为以 http:// 或 https:// 开头的网址。" },
    ]);
  });
});
