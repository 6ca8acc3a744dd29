import crypto from "node:crypto";

/** Public ids: a type prefix and 32 lowercase hex characters, e.g. `cus_79fb361a05074629bf1ecf0d14cd244e`. */
export function newId(prefix: "cus" | "file" | "ptn" | "key" | "bp" | "req" | "drf" | "usr"): string {
  return `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;
}
