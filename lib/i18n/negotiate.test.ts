import { describe, expect, it } from "vitest";
import {
  acceptedLanguages,
  localeFromAcceptLanguage,
  localeOfHeaders,
  negotiateLocale,
  supportedLocaleOf,
} from "./negotiate";

describe("choosing the portal's language from the browser", () => {
  it("reads Accept-Language in order of weight", () => {
    expect(acceptedLanguages("en;q=0.5, zh-CN, fr;q=0.8")).toEqual(["zh-CN", "fr", "en"]);
    expect(acceptedLanguages("zh;q=0, en")).toEqual(["en"]);
  });

  it("gives Simplified Chinese to any Chinese reader and English otherwise", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-SG")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-Hans")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR")).toBe("en");
    expect(localeFromAcceptLanguage("de, zh-CN;q=0")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });

  it("ignores what is no language tag", () => {
    expect(localeFromAcceptLanguage("not a tag!!, zh")).toBe("zh-CN");
    expect(negotiateLocale(["", "*"])).toBe("en");
  });
});

describe("the language of a request with no page around it (the sign-in callback)", () => {
  it("is the switcher's cookie, else Accept-Language", () => {
    expect(localeOfHeaders("a=1; axisfi_locale=zh-CN; b=2", "en-US")).toBe("zh-CN");
    expect(localeOfHeaders("axisfi_locale=en", "zh-CN")).toBe("en");
    expect(localeOfHeaders("axisfi_locale=fr", "zh-CN")).toBe("zh-CN");
    expect(localeOfHeaders(undefined, "zh")).toBe("zh-CN");
    expect(localeOfHeaders(undefined, undefined)).toBe("en");
  });
});

describe("a language a partner names for a hosted link", () => {
  it("is ours only when it is English or Chinese", () => {
    expect(supportedLocaleOf("zh")).toBe("zh-CN");
    expect(supportedLocaleOf("zh-Hant-TW")).toBe("zh-CN");
    expect(supportedLocaleOf("en-GB")).toBe("en");
    expect(supportedLocaleOf("fr")).toBeNull();
    expect(supportedLocaleOf("ja-JP")).toBeNull();
    expect(supportedLocaleOf("not a tag")).toBeNull();
  });
});
