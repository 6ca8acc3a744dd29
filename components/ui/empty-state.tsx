import type { ReactNode } from "react";

import { cn } from "./cn";

/**
 * What an empty list shows: what is (not) here, and what to do next. `action` is usually one link
 * or button; `title` is plain text, not a heading, so an empty list inside a table cell or a card
 * adds nothing to the page's outline.
 */
export function EmptyState({
  title,
  children,
  action,
  className,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("mx-auto flex max-w-md flex-col items-center px-4 py-10 text-center", className)}>
      <svg
        viewBox="0 0 24 24"
        aria-hidden="true"
        focusable="false"
        className="size-8 text-slate-400"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M3 7.5 5.5 4h13L21 7.5M3 7.5V19a1 1 0 0 0 1 1h16a1 1 0 0 0 1-1V7.5M3 7.5h5.5a3.5 3.5 0 0 0 7 0H21" />
      </svg>
      <p className="mt-3 text-sm font-semibold text-slate-900">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
