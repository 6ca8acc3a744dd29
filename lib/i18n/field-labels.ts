/**
 * The `fields` catalog as a plain translator, for code that names fields outside a React render:
 * the server's domain views (a reviewer's field picker, requirements) and tests. Pages and client
 * components use next-intl's own `getTranslations("fields")` / `useTranslations("fields")`.
 */
import { createTranslator } from "next-intl";
import type { FieldLabels } from "@/lib/customers/field-labels";
import en from "@/messages/fields/en.json";
import zhCN from "@/messages/fields/zh-CN.json";
import type { Locale } from "./locales";

const CATALOGS = { en, "zh-CN": zhCN } as const;

export function fieldLabelsIn(locale: Locale): FieldLabels {
  // The JSON's literal key types make next-intl's translator stricter than FieldLabels' string keys.
  return createTranslator({
    locale,
    messages: { fields: CATALOGS[locale] },
    namespace: "fields",
  }) as unknown as FieldLabels;
}
