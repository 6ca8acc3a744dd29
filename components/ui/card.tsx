import type { ComponentProps, ReactNode } from "react";

import { cn } from "./cn";

export function Card({ className, children, ...props }: ComponentProps<"div">) {
  return (
    <div className={cn("rounded-md border border-slate-200 bg-white shadow-xs", className)} {...props}>
      {children}
    </div>
  );
}

export type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links shown beside the title (below it on phones). */
  actions?: ReactNode;
  as?: "h1" | "h2" | "h3";
  /** The heading's id, e.g. for `aria-labelledby` on a surrounding section. */
  titleId?: string;
  className?: string;
};

export function CardHeader({ title, description, actions, as: Heading = "h2", titleId, className }: CardHeaderProps) {
  return (
    <div
      className={cn(
        "flex flex-col gap-3 border-b border-slate-200 px-4 py-4 sm:flex-row sm:items-start sm:justify-between sm:px-6",
        className,
      )}
    >
      <div className="min-w-0">
        <Heading id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </Heading>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

export function CardBody({ className, children, ...props }: ComponentProps<"div">) {
  return (
    <div className={cn("px-4 py-5 sm:px-6", className)} {...props}>
      {children}
    </div>
  );
}
