import type { AriaRole, ComponentProps, ReactNode } from "react";

import { cn } from "./cn";
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from "./icons";

export type AlertTone = "error" | "success" | "info" | "warning";

const tones: Record<AlertTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  error: { box: "border-red-200 bg-red-50 text-red-900", icon: "text-red-600", Icon: ErrorIcon },
  success: { box: "border-green-200 bg-green-50 text-green-900", icon: "text-green-700", Icon: SuccessIcon },
  info: { box: "border-blue-200 bg-blue-50 text-blue-900", icon: "text-blue-700", Icon: InfoIcon },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: "text-amber-700", Icon: WarningIcon },
};

export type AlertProps = Omit<ComponentProps<"div">, "title" | "role"> & {
  tone: AlertTone;
  title?: ReactNode;
  /** Defaults to "alert" (assertive) for errors and "status" (polite) otherwise. */
  role?: AriaRole;
};

export function Alert({ tone, title, role, className, children, ...props }: AlertProps) {
  const { box, icon, Icon } = tones[tone];
  return (
    <div
      role={role ?? (tone === "error" ? "alert" : "status")}
      className={cn("flex gap-3 rounded-md border p-4 text-sm", box, className)}
      {...props}
    >
      <Icon className={cn("size-5", icon)} />
      <div className="min-w-0 flex-1 space-y-1 break-words">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
