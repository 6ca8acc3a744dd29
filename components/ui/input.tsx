import type { ComponentProps } from "react";

import { cn } from "./cn";
import { ChevronDownIcon } from "./icons";

// 16px text below `sm` keeps iOS Safari from zooming the page when a control gains focus.
const controlBase =
  "block w-full min-w-0 rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-xs sm:text-sm " +
  "placeholder:text-slate-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 " +
  "focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500";

/** The text-control look shared by `Input`, `Textarea`, `NativeSelect` and `Combobox`. */
export function controlClassName(invalid?: boolean): string {
  return cn(controlBase, invalid ? "border-red-600" : "border-slate-300");
}

export type InputProps = ComponentProps<"input"> & { invalid?: boolean };

export function Input({ invalid, className, ...props }: InputProps) {
  return <input aria-invalid={invalid || undefined} className={cn(controlClassName(invalid), className)} {...props} />;
}

export type TextareaProps = ComponentProps<"textarea"> & { invalid?: boolean };

export function Textarea({ invalid, className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      aria-invalid={invalid || undefined}
      className={cn(controlClassName(invalid), "resize-y", className)}
      {...props}
    />
  );
}

export type NativeSelectProps = ComponentProps<"select"> & { invalid?: boolean };

/** A native `<select>` with the control look. `className` styles the wrapper (set widths there). */
export function NativeSelect({ invalid, className, ...props }: NativeSelectProps) {
  return (
    <div className={cn("relative", className)}>
      <select
        aria-invalid={invalid || undefined}
        className={cn(controlClassName(invalid), "appearance-none pr-9")}
        {...props}
      />
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500" />
    </div>
  );
}
