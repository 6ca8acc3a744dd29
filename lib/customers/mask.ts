/** An ID number as shown until a reviewer reveals it: only its last three characters. */
export function maskIdNumber(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const trimmed = value.trim();
  return `${"•".repeat(Math.max(trimmed.length - 3, 3))}${trimmed.slice(-3)}`;
}
