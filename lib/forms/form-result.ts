import "server-only";
import { getLocale } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { sayFieldErrors, sayMessage } from "@/lib/i18n/error-catalogs";
import { toLocale } from "@/lib/i18n/locales";
import type { FormFailure } from "./form-failure";

export type { FormFailure } from "./form-failure";

/**
 * The forms' door: server actions run their lib/ work through this, so a refusal (an AppError
 * below 500) reaches the form as its message and field errors, in the language of the page that
 * sent it (lib/ gives message codes; codes and fields are the same in every language). Anything
 * else is a bug and throws.
 */
export async function formResult<T extends object>(work: () => Promise<T>): Promise<({ ok: true } & T) | FormFailure> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      const locale = toLocale(await getLocale());
      return {
        ok: false,
        message: sayMessage(error.userMessage, locale),
        fieldErrors: sayFieldErrors(error.details, locale),
        code: error.code,
      };
    }
    throw error;
  }
}
