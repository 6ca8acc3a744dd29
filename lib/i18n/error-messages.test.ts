import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFromZod } from "@/lib/errors";
import { checkPhoneNumber } from "@/lib/customers/phone";
import { createCustomerRequestSchema } from "@/lib/customers/schema";
import { updateCustomerRequestSchema, requestInformationSchema } from "@/lib/customers/update-schema";
import { createOnboardingLinkSchema } from "@/lib/onboarding-links/schema";
import { createWebhookEndpointSchema } from "@/lib/webhooks/endpoint-schema";
import { exampleCustomerRequest } from "@/tests/fixtures/customer-request";
import { ERROR_MESSAGES, translateMessage } from "./error-messages";
import { collectMessages } from "./message-sources";

const CJK = /\p{Script=Han}/u;
const LEFTOVER = /\{\w+\}/;

function expectChinese(english: string, where = "") {
  const chinese = translateMessage(english, "zh-CN");
  expect(chinese, `no Chinese for ${JSON.stringify(english)} ${where}`).not.toBe(english);
  expect(chinese, `Chinese of ${JSON.stringify(english)}`).toMatch(CJK);
  expect(chinese, `Chinese of ${JSON.stringify(english)}`).not.toMatch(LEFTOVER);
}

describe("the catalog", () => {
  it("gives every entry Chinese with only the English entry's placeholders, each entry once", () => {
    const seen = new Set<string>();
    for (const entry of ERROR_MESSAGES) {
      expect(seen.has(entry.en), `${entry.en} is listed twice`).toBe(false);
      seen.add(entry.en);
      expect(entry["zh-CN"]).toMatch(CJK);
      const english = new Set([...entry.en.matchAll(/\{(\w+)\}/g)].map((found) => found[1]));
      for (const [, name] of entry["zh-CN"].matchAll(/\{(\w+)\}/g))
        expect(english.has(name), `${entry.en}: {${name}}`).toBe(true);
    }
  });

  it("fills the values in, puts known ones into words, and leaves English and unknown text alone", () => {
    expect(translateMessage("Must be at most 255 characters.", "zh-CN")).toBe("最多 255 个字符。");
    expect(translateMessage("Must be at most 255 characters.", "en")).toBe("Must be at most 255 characters.");
    expect(translateMessage("This field is required.", "zh-CN")).toBe("此字段为必填项。");
    expect(translateMessage("Something nobody wrote.", "zh-CN")).toBe("Something nobody wrote.");
    expect(translateMessage("…and 1,234 more", "zh-CN")).toBe("……另有 1,234 项");
    expect(translateMessage("Too many failed sign-in attempts. Try again in 1 minute.", "zh-CN")).toBe(
      "登录失败次数过多。请在 1 分钟后重试。",
    );
    expect(translateMessage("Approve is not possible: A suspended customer can only be: reactivate.", "zh-CN")).toBe(
      "无法批准：已暂停的客户只能恢复。",
    );
    const phone = checkPhoneNumber("+65 1234 5678");
    expect(phone.ok).toBe(false);
    if (!phone.ok) expect(translateMessage(phone.message, "zh-CN")).toBe("这不是有效的新加坡号码。");
    expect(translateMessage("Invalid input: expected object, received string", "zh-CN")).toBe(
      "输入无效：应为对象，实际为文本",
    );
  });
});

describe("every message lib/ and app/ can refuse with", () => {
  const sources = collectMessages(path.resolve(import.meta.dirname, "../.."));

  it("is found in the source (the reader works)", () => {
    const texts = new Set(sources.map((source) => source.text));
    expect(texts.size).toBeGreaterThan(100);
    for (const known of [
      "This field is required.",
      "No such customer.",
      "Must be at most 7 characters.",
      "Must be an https URL.",
      "This is not a valid 7 number.",
    ]) {
      expect(texts).toContain(known);
    }
  });

  it("has Chinese", () => {
    for (const source of sources) expectChinese(source.text, `(${source.file}:${source.line})`);
  });
});

/** Bad values put, one at a time, at every field of a valid request. */
const BAD_VALUES: unknown[] = [
  null,
  "",
  "   ",
  42,
  true,
  "text",
  [],
  {},
  "x".repeat(3000),
  "a\u0001b",
  "\ud800",
  "名字",
  "enc:abc",
  "2023-02-30",
  "+1234",
  "8613800138000",
  "+44 20 7946 095",
  "+1 (415) abc",
  "file_nope",
  -1,
  1.234,
  "http://",
];

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([key, inner]) => leafPaths(inner, [...prefix, key]))].filter((p) => p.length > 0);
}

function withValue(base: unknown, at: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let target = copy;
  for (const key of at.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[at[at.length - 1]] = value;
  return copy;
}

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldErrorsFromZod(result.error).map((detail) => detail.message);
}

describe("the messages the schemas give for invalid requests", () => {
  it("have Chinese, for every bad value at every field of Create Customer", () => {
    const valid = exampleCustomerRequest("acme-customer-0000000001");
    const messages = new Set<string>();
    for (const at of leafPaths(valid)) {
      for (const value of BAD_VALUES)
        for (const message of messagesOf(createCustomerRequestSchema, withValue(valid, at, value)))
          messages.add(message);
    }
    for (const message of messagesOf(createCustomerRequestSchema, { ...valid, unknown_key: 1 })) messages.add(message);
    for (const message of messagesOf(createCustomerRequestSchema, "not an object")) messages.add(message);
    const dates = withValue(valid, ["business_details", "business_identifier_start_date"], "2040-01-01");
    for (const message of messagesOf(createCustomerRequestSchema, dates)) messages.add(message);
    expect(messages.size).toBeGreaterThan(20);
    for (const message of messages) expectChinese(message);
  });

  it("have Chinese for updates, information requests, onboarding links and webhook endpoints", () => {
    const bodies: [z.ZodType, unknown][] = [
      [updateCustomerRequestSchema, {}],
      [updateCustomerRequestSchema, { business_details: "text" }],
      [requestInformationSchema, { items: [] }],
      [
        requestInformationSchema,
        {
          items: [
            { field: "", reason: "x" },
            { field: "", reason: "y".repeat(600) },
          ],
        },
      ],
      [requestInformationSchema, { items: [{}] }],
      [createOnboardingLinkSchema, {}],
      [
        createOnboardingLinkSchema,
        { partner_customer_id: "short", return_url: "ftp://x", refresh_url: "https://u:p@x.com", locale: "??" },
      ],
      [
        createOnboardingLinkSchema,
        { return_url: "http://example.com", refresh_url: "not a url", prefill: { nope: 1 } },
      ],
      [createWebhookEndpointSchema(), {}],
      [createWebhookEndpointSchema(), { url: "https://10.0.0.1/x", event_types: ["nope"] }],
      [createWebhookEndpointSchema(), { url: "http://example.com", event_types: [] }],
      [createWebhookEndpointSchema(), { url: "https://u:p@example.com", event_types: "x" }],
    ];
    for (const [schema, body] of bodies) {
      const messages = messagesOf(schema, body);
      expect(messages.length, JSON.stringify(body)).toBeGreaterThan(0);
      for (const message of messages) expectChinese(message);
    }
  });
});
