import type { ReactNode } from "react";

import { cn } from "./cn";
import { ErrorIcon } from "./icons";

/** The ids of the hint and error that `Field` renders, for the control's `aria-describedby`. */
export function describedBy(id: string, opts: { hint?: unknown; error?: unknown }): string | undefined {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export type FieldProps = {
  /** The control's id: the label points at it, and the hint and error ids derive from it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Shows an asterisk; the control itself must carry `required`. */
  required?: boolean;
  children: ReactNode;
  className?: string;
};

/**
 * Label, control, hint and error of one form field. The caller wires the control:
 * `<Input id={id} required aria-describedby={describedBy(id, { hint, error })} invalid={!!error} />`.
 */
export function Field({ id, label, hint, error, required, children, className }: FieldProps) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      {/* The asterisk sits outside the <label> so that the label's text, and so the control's name, is exactly `label`. */}
      <div className="flex items-baseline gap-1">
        <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        {required && (
          <span aria-hidden="true" className="text-sm font-medium text-red-700">
            *
          </span>
        )}
      </div>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <ErrorIcon className="mt-px size-4" />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
