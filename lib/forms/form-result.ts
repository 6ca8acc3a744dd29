import "server-only";
import { AppError } from "@/lib/errors";
import type { FormFailure } from "./form-failure";

export type { FormFailure } from "./form-failure";

/**
 * The forms' door: server actions run their lib/ work through this, so a refusal (an AppError
 * below 500) reaches the form as its message and field errors. Anything else is a bug and throws.
 */
export async function formResult<T extends object>(work: () => Promise<T>): Promise<({ ok: true } & T) | FormFailure> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      return { ok: false, message: error.message, fieldErrors: error.details, code: error.code };
    }
    throw error;
  }
}
