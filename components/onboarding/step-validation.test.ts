import { describe, expect, it } from "vitest";
import type { FieldValues } from "react-hook-form";
import { stepResolver } from "./step-validation";

const OPTIONS = { fields: {}, shouldUseNativeValidation: false } as const;

async function errorsOf(values: FieldValues, locale: "en" | "zh-CN") {
  const result = await stepResolver("company", locale)(values, undefined, OPTIONS as never);
  return result.errors as Record<string, Record<string, { message?: string; type?: string }>>;
}

const company = {
  partner_customer_id: "acme-customer-0000000001",
  business_details: {
    business_name_english: "",
    website: "not a url",
    business_identifier_number: "91310000MA1FL4TQ2X",
    business_identifier_country_code: "US",
  },
};

describe("the wizard's own validation", () => {
  it("words the schema's field errors in the page's language", async () => {
    const chinese = await errorsOf(company, "zh-CN");
    expect(chinese.business_details.business_name_english.message).toBe("此字段为必填项。");
    expect(chinese.business_details.website.message).toBe("须为以 http:// 或 https:// 开头的网址。");

    const english = await errorsOf(company, "en");
    expect(english.business_details.business_name_english.message).toBe("This field is required.");
    expect(english.business_details.website.message).toBe("Must be a web address starting with http:// or https://.");
  });
});
