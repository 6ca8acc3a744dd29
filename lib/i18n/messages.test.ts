import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { NAMESPACES } from "./namespaces";

const MESSAGES_DIR = path.resolve(import.meta.dirname, "../../messages");

/** Every key of a catalog as a dotted path, with its message. */
function flatten(value: unknown, prefix = ""): Map<string, string> {
  const keys = new Map<string, string>();
  if (typeof value === "string") return keys.set(prefix, value);
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, message] of flatten(inner, prefix ? `${prefix}.${key}` : key)) keys.set(path, message);
  }
  return keys;
}

function catalog(namespace: string, locale: string): Map<string, string> {
  return flatten(JSON.parse(fs.readFileSync(path.join(MESSAGES_DIR, namespace, `${locale}.json`), "utf8")));
}

/** The ICU arguments a message takes, at any depth: `{number}`, `{count, plural, …}` → number, count. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.value);
      if (element.type === TYPE.select || element.type === TYPE.plural) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe("the message catalogs", () => {
  it("are exactly the namespaces the portal loads, one file per language", () => {
    expect(fs.readdirSync(MESSAGES_DIR).sort()).toEqual([...NAMESPACES].sort());
    for (const namespace of NAMESPACES) {
      expect(fs.readdirSync(path.join(MESSAGES_DIR, namespace)).sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
    }
  });

  for (const namespace of NAMESPACES) {
    it(`${namespace}: every key exists in every language, with the same arguments and no blank message`, () => {
      const [source, ...others] = LOCALES.map((locale) => catalog(namespace, locale));
      for (const [index, other] of others.entries()) {
        const locale = LOCALES[index + 1];
        expect(
          [...other.keys()].filter((key) => !source.has(key)),
          `only in ${locale}`,
        ).toEqual([]);
        expect(
          [...source.keys()].filter((key) => !other.has(key)),
          `missing in ${locale}`,
        ).toEqual([]);
        for (const [key, message] of source) {
          expect(argumentsOf(other.get(key) ?? ""), `${locale} ${namespace}.${key}`).toEqual(argumentsOf(message));
        }
      }
      for (const [locale, messages] of LOCALES.map((l) => [l, catalog(namespace, l)] as const)) {
        expect(
          [...messages].filter(([, message]) => message.trim() === "").map(([key]) => key),
          locale,
        ).toEqual([]);
      }
    });
  }
});
