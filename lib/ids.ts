/**
 * Public ids: a type prefix and 32 lowercase hex characters, e.g. `cus_79fb361a05074629bf1ecf0d14cd244e`.
 * Browser-safe (Web Crypto), so the shared schemas check file ids with the same rule.
 */
export type IdPrefix = "cus" | "file" | "ptn" | "key" | "bp" | "req" | "drf" | "usr" | "evt" | "we" | "olink";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
}

const ID_SHAPE = /^([a-z]+)_[0-9a-f]{32}$/;

/** Whether `value` has the shape of an id of this kind; a cheap check before any look-up. */
export function hasIdShape(prefix: IdPrefix, value: unknown): value is string {
  return typeof value === "string" && ID_SHAPE.exec(value)?.[1] === prefix;
}
