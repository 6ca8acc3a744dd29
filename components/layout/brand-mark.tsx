import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

/** The mark alone: app/icon.svg drawn inline (a white "A" on a blue rounded square), decorative; size it with `className` (size-7 by default). */
export function BrandIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={cn("shrink-0", className ?? "size-7")}>
      <rect width="32" height="32" rx="7" fill="#1d4ed8" />
      <path d="M9 23 15.2 8.5h1.6L23 23h-3.2l-1.3-3.2h-5l-1.3 3.2zm5.5-5.9h2.9L16 13.3z" fill="#fff" />
    </svg>
  );
}

/**
 * The mark and the "AxisFI Onboarding" wordmark (in the reader's language); its text is the
 * accessible name where it is a link.
 */
export function BrandMark({ className, size = "md" }: { className?: string; size?: "md" | "lg" }) {
  const t = useTranslations("common.brand");
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <BrandIcon className={size === "lg" ? "size-10" : "size-7"} />
      <span
        className={cn(
          "font-semibold tracking-tight whitespace-nowrap text-slate-900",
          size === "lg" ? "text-xl" : "text-base",
        )}
      >
        {t("name")} <span className="font-normal text-slate-600">{t("product")}</span>
      </span>
    </span>
  );
}
