import { beforeAll, describe, expect, it } from "vitest";
import type { PartnerWithKey } from "@/lib/partners/partners";
import { exampleCustomerRequest } from "./fixtures/customer-request";
import { authHeaders, newPartner, newPartnerCustomerId, postJson, servePartnerApi } from "./helpers/partner-api";

const api = servePartnerApi();
let partner: PartnerWithKey;

beforeAll(async () => {
  partner = await newPartner();
});

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { field: string; code: string; message: string }[];
    request_id: string;
  };
}

const HAN = /\p{Script=Han}/u;

/** An invalid create: a required field missing, a bad email, a phone of no country, a field too long. */
function invalidRequest() {
  const body = exampleCustomerRequest(newPartnerCustomerId());
  const request = body as unknown as {
    business_details: Record<string, unknown>;
    primary_contact: Record<string, unknown>;
    registration_address: Record<string, unknown>;
  };
  delete request.business_details.business_name_english;
  request.primary_contact.contact_email = "not-an-email";
  request.primary_contact.contact_phone = "8613800138000";
  request.registration_address.registration_address_city = "x".repeat(300);
  return body;
}

async function create(body: unknown, headers: Record<string, string> = {}) {
  const response = await postJson(api.baseUrl, "/api/customers/create", body, { ...authHeaders(partner), ...headers });
  return {
    status: response.status,
    language: response.headers.get("content-language"),
    headers: response.headers,
    json: (await response.json()) as ErrorBody,
  };
}

const shape = (body: ErrorBody) => ({
  code: body.error.code,
  details: body.error.details?.map(({ field, code }) => ({ field, code })),
});

describe("error messages in the caller's language", () => {
  it("answers the same refusal in Chinese for Accept-Language: zh-CN: same status, codes and fields", async () => {
    const body = invalidRequest();
    const english = await create(body);
    const chinese = await create(body, { "Accept-Language": "zh-CN" });

    expect(english.status).toBe(400);
    expect(chinese.status).toBe(english.status);
    expect(shape(chinese.json)).toEqual(shape(english.json));
    expect(english.language).toBe("en");
    expect(chinese.language).toBe("zh-CN");

    expect(english.json.error.message).toBe("The request has invalid fields.");
    expect(chinese.json.error.message).toBe("请求中有无效字段。");
    const messages = (answer: ErrorBody) => Object.fromEntries(answer.error.details!.map((d) => [d.field, d.message]));
    expect(messages(english.json)).toEqual({
      "business_details.business_name_english": "This field is required.",
      "registration_address.registration_address_city": "Must be at most 255 characters.",
      "primary_contact.contact_phone": "Enter the number with its country code, like +65 6222 3344.",
      "primary_contact.contact_email": "Must be a valid email address, such as name@example.com.",
    });
    expect(messages(chinese.json)).toEqual({
      "business_details.business_name_english": "此字段为必填项。",
      "registration_address.registration_address_city": "最多 255 个字符。",
      "primary_contact.contact_phone": "请输入带国家/地区代码的号码，例如 +65 6222 3344。",
      "primary_contact.contact_email": "须为有效的邮箱地址，例如 name@example.com。",
    });
  });

  it("answers in English for any other language, or none", async () => {
    const body = invalidRequest();
    const none = await create(body);
    for (const language of ["fr", "fr-FR, de;q=0.8", "en-US,en;q=0.9", "zh-CN;q=0, fr"]) {
      const answer = await create(body, { "Accept-Language": language });
      expect(answer.status).toBe(400);
      expect(answer.language).toBe("en");
      expect({ ...answer.json.error, request_id: "" }).toEqual({ ...none.json.error, request_id: "" });
    }
  });

  it("reads any Chinese as Simplified Chinese, by preference", async () => {
    const answer = await create(invalidRequest(), { "Accept-Language": "fr;q=0.5, zh-Hans-SG, en;q=0.4" });
    expect(answer.language).toBe("zh-CN");
    expect(answer.json.error.message).toMatch(HAN);
  });

  it("translates the door's own refusals and the 'and N more' line", async () => {
    const noKey = await postJson(api.baseUrl, "/api/customers/create", {}, { "Accept-Language": "zh-CN" });
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as ErrorBody).error).toMatchObject({
      code: "unauthorized",
      message: "API 凭据无效或缺失。请发送 X-API-Key 和 X-API-Secret。",
    });

    const manyUnknown = Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`unknown_${index}`, 1]));
    const many = await create(
      { ...exampleCustomerRequest(newPartnerCustomerId()), ...manyUnknown },
      { "Accept-Language": "zh-CN" },
    );
    const details = many.json.error.details!;
    expect(details).toHaveLength(101);
    expect(details[0]).toMatchObject({ code: "unknown_field", message: "此字段不属于 API。" });
    expect(details[100]).toEqual({ field: "", code: "too_many_errors", message: "……另有 50 项" });
  });

  it("keeps a refusal under an Idempotency-Key in English and replays it in the language of each retry", async () => {
    const body = invalidRequest();
    const key = { "Idempotency-Key": `error-language-${process.pid}-${Date.now()}` };
    const first = await create(body, { ...key, "Accept-Language": "zh-CN" });
    expect(first.status).toBe(400);
    expect(first.json.error.message).toBe("请求中有无效字段。");

    const englishReplay = await create(body, key);
    expect(englishReplay.headers.get("idempotent-replayed")).toBe("true");
    expect(englishReplay.language).toBe("en");
    expect(englishReplay.json.error.message).toBe("The request has invalid fields.");
    expect(englishReplay.json.error.request_id).toBe(first.json.error.request_id);
    expect(shape(englishReplay.json)).toEqual(shape(first.json));

    const chineseReplay = await create(body, { ...key, "Accept-Language": "zh-CN" });
    expect(chineseReplay.headers.get("idempotent-replayed")).toBe("true");
    expect(chineseReplay.language).toBe("zh-CN");
    expect(chineseReplay.json).toEqual(first.json);
  });

  it("leaves success answers alone", async () => {
    const created = await create(exampleCustomerRequest(newPartnerCustomerId()), { "Accept-Language": "zh-CN" });
    expect(created.status).toBe(200);
    expect(created.language).toBeNull();
  });
});
