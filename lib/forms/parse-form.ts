import type { z } from "zod";
import { fieldErrorsFromZod, validationError, type MessageKey } from "@/lib/errors";

/**
 * A form's fields as `schema` reads them, or the refusal that lists every bad field under
 * `message` (what the form says above them).
 */
export function parseForm<T>(schema: z.ZodType<T>, formData: FormData, message: MessageKey): T {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), message);
  return parsed.data;
}
