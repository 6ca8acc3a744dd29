import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format-date";
import { toLocale } from "@/lib/i18n/locales";

/**
 * "Active", or how and since when something stopped ("Revoked on …", "Disabled since …"), in the
 * reader's language: API keys and staff accounts.
 */
export function ActiveOrStopped({
  stoppedAt,
  stoppedLabel,
  stoppedTone,
  datePrefix,
}: {
  stoppedAt: Date | null;
  stoppedLabel: string;
  stoppedTone: BadgeTone;
  datePrefix: "on" | "since";
}) {
  const t = useTranslations("settings.status");
  const locale = toLocale(useLocale());
  if (!stoppedAt) return <Badge tone="success">{t("active")}</Badge>;
  return (
    <>
      <Badge tone={stoppedTone}>{stoppedLabel}</Badge>
      <span className="mt-1 block text-xs whitespace-nowrap text-slate-500">
        {t(datePrefix, { date: formatDateTime(stoppedAt, locale) })}
      </span>
    </>
  );
}
