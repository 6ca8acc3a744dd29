/** A DOM id from any text: "Legal representative 1" → "legal-representative-1". */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replaceAll(/[^\p{L}\p{N}]+/gu, "-")
      .replaceAll(/^-+|-+$/g, "") || "section"
  );
}
