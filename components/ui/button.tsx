import type { ComponentProps } from "react";

import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md border text-center font-medium transition-colors " +
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 " +
  "disabled:cursor-not-allowed disabled:opacity-60";

// Hover styles only apply to enabled buttons (links are never :disabled, so they always apply).
const variants: Record<ButtonVariant, string> = {
  primary:
    "border-transparent bg-blue-700 text-white shadow-xs hover:not-disabled:bg-blue-800 active:not-disabled:bg-blue-900",
  secondary:
    "border-slate-300 bg-white text-slate-800 shadow-xs hover:not-disabled:bg-slate-50 active:not-disabled:bg-slate-100",
  danger:
    "border-transparent bg-red-700 text-white shadow-xs hover:not-disabled:bg-red-800 active:not-disabled:bg-red-900",
  ghost:
    "border-transparent bg-transparent text-slate-700 hover:not-disabled:bg-slate-100 active:not-disabled:bg-slate-200",
};

const sizes: Record<ButtonSize, string> = {
  sm: "px-2.5 py-1 text-sm",
  md: "px-4 py-2 text-sm",
};

/** The button look, for elements that are not a `<button>`, e.g. `<Link className={buttonClassName("primary", "md")}>`. */
export function buttonClassName(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return cn(base, variants[variant], sizes[size]);
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Disables the button and shows a spinner while an action runs. */
  pending?: boolean;
};

export function Button({
  variant = "primary",
  size = "md",
  pending = false,
  type = "button",
  disabled,
  className,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={cn(buttonClassName(variant, size), className)}
      {...props}
    >
      {pending && <Spinner />}
      {children}
    </button>
  );
}

export type ButtonLinkProps = ComponentProps<"a"> & { variant?: ButtonVariant; size?: ButtonSize };

/** A plain `<a>` that looks like a button. For next/link use `buttonClassName` instead. */
export function ButtonLink({ variant = "primary", size = "md", className, ...props }: ButtonLinkProps) {
  return <a className={cn(buttonClassName(variant, size), className)} {...props} />;
}
