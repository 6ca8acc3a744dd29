import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { CustomerStatus } from "@/lib/customers/schema";

import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: "bg-slate-100 text-slate-700 ring-slate-600/20", dot: "bg-slate-500" },
  info: { badge: "bg-blue-50 text-blue-800 ring-blue-700/20", dot: "bg-blue-600" },
  success: { badge: "bg-green-50 text-green-800 ring-green-700/20", dot: "bg-green-600" },
  warning: { badge: "bg-amber-50 text-amber-800 ring-amber-600/30", dot: "bg-amber-500" },
  danger: { badge: "bg-red-50 text-red-800 ring-red-700/20", dot: "bg-red-600" },
};

export function Badge({
  children,
  tone = "neutral",
  className,
}: {
  children: ReactNode;
  tone?: BadgeTone;
  className?: string;
}) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone].badge,
        className,
      )}
    >
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", tones[tone].dot)} />
      {children}
    </span>
  );
}

const statusTones: Record<CustomerStatus, BadgeTone> = {
  pending: "warning",
  active: "success",
  rejected: "danger",
  suspended: "neutral",
};

/**
 * A customer's status in the reader's language, e.g. "Pending" (the `backOffice` catalog's
 * `statuses`). Unknown statuses (the column is a plain string) show capitalised, in grey.
 */
export function StatusBadge({ status, className }: { status: CustomerStatus | (string & {}); className?: string }) {
  const t = useTranslations("backOffice.statuses");
  const known = Object.hasOwn(statusTones, status);
  return (
    <Badge tone={known ? statusTones[status as CustomerStatus] : "neutral"} className={className}>
      {known ? t(status) : status.charAt(0).toUpperCase() + status.slice(1)}
    </Badge>
  );
}
