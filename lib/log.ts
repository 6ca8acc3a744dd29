import "server-only";

/**
 * One JSON line per event on stdout. Callers pass facts they chose to log; nothing here ever
 * receives a request body, a header value or an error message, which may hold personal data.
 */
export function logEvent(
  level: "info" | "warn" | "error",
  event: string,
  fields: Record<string, string | number | null | undefined>,
): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
}

/** What may be logged of an unexpected error: its kind and code, never its message. */
export function describeError(error: unknown): Record<string, string | undefined> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { error_name: error.name, error_code: typeof code === "string" ? code : undefined };
  }
  return { error_name: typeof error };
}
