import type { AppError, FieldError } from "@/lib/errors";
import { sayMessage } from "@/lib/i18n/error-catalogs";

/** What a refusal says in English, the API's default language: the words tests pin. */
export function englishOf(error: AppError | FieldError): string {
  return sayMessage("userMessage" in error ? error.userMessage : error.message, "en");
}
