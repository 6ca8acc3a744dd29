import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import en from "@/messages/common/en.json";
import zhCN from "@/messages/common/zh-CN.json";
import { navigationFor } from "./navigation";
import { ROLES } from "./roles";

const CATALOGS = { en, "zh-CN": zhCN } as const;

/** Every section anyone can be shown: each role, with and without a partner. */
const SECTIONS = [
  ...new Set(
    ROLES.flatMap((role) =>
      [null, "ptn_1"].flatMap((partnerId) => navigationFor({ userId: "usr_1", role, partnerId }).map((i) => i.section)),
    ),
  ),
];

function common(locale: (typeof LOCALES)[number]) {
  return createTranslator({ locale, messages: { common: CATALOGS[locale] }, namespace: "common" }) as unknown as (
    key: string,
  ) => string;
}

describe("the header's words", () => {
  it("name every section and every role in each language, and in English as before", () => {
    expect(SECTIONS.sort()).toEqual(
      [
        "administration",
        "apiKeys",
        "apiReference",
        "customers",
        "home",
        "onboarding",
        "reviewQueue",
        "webhooks",
      ].sort(),
    );
    const english = common("en");
    expect(SECTIONS.map((section) => english(`nav.${section}`)).sort()).toEqual(
      [
        "API keys",
        "API reference",
        "Administration",
        "Customers",
        "Home",
        "Onboarding",
        "Review queue",
        "Webhooks",
      ].sort(),
    );
    expect(ROLES.map((role) => english(`roles.${role}`))).toEqual([
      "Partner admin",
      "Partner user",
      "Compliance reviewer",
      "Administrator",
    ]);
    const chinese = common("zh-CN");
    expect(chinese("nav.reviewQueue")).toBe("审核队列");
    expect(chinese("roles.reviewer")).toBe("合规审核员");
    for (const locale of LOCALES) {
      const t = common(locale);
      for (const key of [...SECTIONS.map((s) => `nav.${s}`), ...ROLES.map((r) => `roles.${r}`)]) {
        // next-intl answers a missing key with the key itself.
        expect(t(key), `${locale} ${key}`).not.toBe(`common.${key}`);
        expect(t(key), `${locale} ${key}`).not.toMatch(/^(nav|roles)\./);
      }
    }
  });
});
