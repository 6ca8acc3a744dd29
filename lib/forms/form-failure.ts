/** What a form shows when the server refused it. Browser-safe: client components read it. */
import type { ErrorCode, FieldErrorText } from "@/lib/errors";

export interface FormFailure {
  ok: false;
  message: string;
  fieldErrors: FieldErrorText[];
  /** The AppError's code, for forms that act on one (e.g. `conflict`: offer a reload). */
  code?: ErrorCode;
}
