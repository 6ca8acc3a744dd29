/**
 * An ID number as shown until a reviewer reveals it: only its last three characters, and none
 * at all of a number so short that three would give most of it away.
 */
export function maskIdNumber(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (trimmed.length < 7) return "•".repeat(Math.max(trimmed.length, 4));
  return `${"•".repeat(trimmed.length - 3)}${trimmed.slice(-3)}`;
}
