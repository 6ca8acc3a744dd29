/**
 * A person's name as people of its script write it. Browser-safe and dependency-free: the
 * wizard's review step and the reviewer's page both show names through it.
 */

// Scripts whose names are written family name first, with no space between the parts.
const FAMILY_NAME_FIRST = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function clean(part: unknown): string {
  return typeof part === "string" ? part.trim() : "";
}

/**
 * `personName("伟明", "陈")` → "陈伟明"; `personName("Wei", "Zhang")` → "Wei Zhang". Either part
 * may be missing; nothing given gives "".
 */
export function personName(first: unknown, last: unknown): string {
  const given = clean(first);
  const family = clean(last);
  if (!given || !family) return given || family;
  if (FAMILY_NAME_FIRST.test(given) || FAMILY_NAME_FIRST.test(family)) return `${family}${given}`;
  return `${given} ${family}`;
}
