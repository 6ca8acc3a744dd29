import type { FieldErrorText } from "@/lib/errors";

/** The first message for each field, keyed by field name, for the `error` prop of `Field`. */
export function errorsByField(errors: readonly FieldErrorText[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) byField[error.field] ??= error.message;
  return byField;
}

/** Moves focus to the first invalid control in reading order, once React has marked it. */
export function focusFirstInvalid(container: HTMLElement | null): void {
  requestAnimationFrame(() => container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
