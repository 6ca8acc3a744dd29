import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/common/en.json";
import zhCN from "@/messages/common/zh-CN.json";
import type { AuditActor } from "./audit-event-types";
import {
  actorLabel,
  apiKeyActorLabel,
  clientAddressOf,
  clientAddressSubject,
  rateLimitOf,
  rateLimitSubject,
  signInFailureOf,
  SIGN_IN_FAILURE_REASONS,
  unknownEmailActorLabel,
  type ActorWords,
} from "./audit-words";

/** The `common.actors` words of one language, as the pages get them from next-intl. */
function actorWords(locale: "en" | "zh-CN"): ActorWords {
  return createTranslator({
    locale,
    messages: { common: locale === "en" ? en : zhCN },
    namespace: "common.actors",
  }) as unknown as ActorWords;
}

const KEY = "pk_0123456789abcdef0123456789abcdef";
const LINK = "olink_0123456789abcdef0123456789abcdef";

/** Each kind of actor as the portal records it, with how it reads in English and in Chinese. */
const ACTORS: [AuditActor, string, string][] = [
  [
    { type: "user", id: "usr_1", label: "Robin Reviewer <reviewer@axisfi.example>" },
    "Robin Reviewer <reviewer@axisfi.example>",
    "Robin Reviewer <reviewer@axisfi.example>",
  ],
  [{ type: "user", id: "compliance", label: "AxisFI compliance" }, "AxisFI compliance", "AxisFI 合规团队"],
  [
    { type: "user", id: "unknown", label: unknownEmailActorLabel("0123456789abcdef") },
    "Unknown email (keyed hash 0123456789abcdef)",
    "未知邮箱（密钥哈希 0123456789abcdef）",
  ],
  [{ type: "api_key", id: "key_1", label: apiKeyActorLabel(KEY) }, `API key ${KEY}`, `API 密钥 ${KEY}`],
  [
    { type: "system", id: "cli", label: "Command line (npm run partner)" },
    "Command line (npm run partner)",
    "命令行（npm run partner）",
  ],
  [{ type: "system", id: "setup", label: "Portal setup" }, "Portal setup", "门户初始化"],
  [
    { type: "system", id: "demo-seed", label: "Demo data (first start)" },
    "Demo data (first start)",
    "演示数据（首次启动）",
  ],
  [
    { type: "system", id: LINK, label: `Business via onboarding link ${LINK}` },
    `Business via onboarding link ${LINK}`,
    `企业（通过开户链接 ${LINK}）`,
  ],
];

describe("actorLabel", () => {
  it("names each kind of actor in English exactly as it was recorded", () => {
    for (const [actor, english] of ACTORS) {
      expect(actorLabel(actor, actorWords("en"))).toBe(english);
      expect(english).toBe(actor.label);
    }
  });

  it("names the portal's own actors in Chinese, and a person by their recorded name", () => {
    for (const [actor, , chinese] of ACTORS) expect(actorLabel(actor, actorWords("zh-CN"))).toBe(chinese);
  });

  it("keeps a label it does not know as recorded", () => {
    const odd: AuditActor = { type: "api_key", id: "key_2", label: "something else" };
    expect(actorLabel(odd, actorWords("zh-CN"))).toBe("something else");
    const system: AuditActor = { type: "system", id: "other", label: "Another tool" };
    expect(actorLabel(system, actorWords("zh-CN"))).toBe("Another tool");
  });
});

describe("sign-in failure reasons and addresses", () => {
  it("reads the code of each recorded reason, old words and codes alike; nothing else", () => {
    expect(signInFailureOf("wrong password")).toBe("wrong_password");
    expect(signInFailureOf("unknown email")).toBe("unknown_email");
    expect(signInFailureOf("account disabled")).toBe("account_disabled");
    for (const code of Object.keys(SIGN_IN_FAILURE_REASONS)) expect(signInFailureOf(code)).toBe(code);
    expect(signInFailureOf("Documents match.")).toBeNull();
    expect(signInFailureOf(null)).toBeNull();
  });

  it("reads back the address a sign-in recorded", () => {
    expect(clientAddressSubject("203.0.113.7")).toBe("client address 203.0.113.7");
    expect(clientAddressOf(clientAddressSubject("2001:db8::/64"))).toBe("2001:db8::/64");
    expect(clientAddressOf("Jane Doe <jane@example.com>")).toBeNull();
  });
});

describe("rate-limit changes", () => {
  it("reads back the limit a change recorded, or the default; nothing else", () => {
    expect(rateLimitSubject({ perSecond: 25, burst: 50 })).toBe("25/s, burst 50");
    expect(rateLimitOf(rateLimitSubject({ perSecond: 25, burst: 50 }))).toEqual({ perSecond: 25, burst: 50 });
    expect(rateLimitSubject(null)).toBe("default");
    expect(rateLimitOf(rateLimitSubject(null))).toBeNull();
    expect(rateLimitOf("we_0123 (hooks.example.com)")).toBeUndefined();
  });
});
