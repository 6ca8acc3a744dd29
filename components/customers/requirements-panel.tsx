import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { fieldLabel } from "@/lib/customers/fields";
import { formatDateTime } from "@/lib/format-date";
import { toLocale } from "@/lib/i18n/locales";

/** A requirement as the page shows it (lib/customers/requirements.ts RequirementView). */
export interface RequirementItem {
  field: string;
  label: string;
  reason: string;
  requestedAt: Date;
  clearedAt: Date | null;
}

/**
 * What compliance asked the partner to fix: what is still due, what updates have cleared, and
 * which fields changed since the latest request. Partner staff who may fix it get the way in.
 */
export function RequirementsPanel({
  requirements,
  changedSinceRequest,
  fixHref,
}: {
  requirements: RequirementItem[];
  changedSinceRequest: string[];
  /** Shown when the viewer may fix what is due. */
  fixHref?: string;
}) {
  const labels = useTranslations("fields");
  const t = useTranslations("backOffice.requirements");
  const locale = toLocale(useLocale());
  const due = requirements.filter((requirement) => requirement.clearedAt === null);
  const cleared = requirements.filter((requirement) => requirement.clearedAt !== null);
  return (
    <div className="space-y-4 text-sm">
      {due.length > 0 ? (
        <div>
          <h3 className="font-semibold text-slate-900">{t("due")}</h3>
          <ul aria-label={t("dueList")} className="mt-2 space-y-2">
            {due.map((requirement) => (
              <li key={requirement.field} className="rounded-md border border-amber-200 bg-amber-50 p-2">
                <p className="font-medium text-slate-900">{requirement.label}</p>
                <p className="text-slate-700">{requirement.reason}</p>
                <p className="text-xs text-slate-500">
                  {t("requestedAt", { date: formatDateTime(requirement.requestedAt, locale) })}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-slate-600">{t("nothingDue")}</p>
      )}
      {fixHref && due.length > 0 ? (
        <Link href={fixHref} className={buttonClassName("primary", "md")}>
          {t("fix")}
        </Link>
      ) : null}
      {cleared.length > 0 ? (
        <div>
          <h3 className="font-semibold text-slate-900">{t("cleared")}</h3>
          <ul aria-label={t("clearedList")} className="mt-2 space-y-2">
            {cleared.map((requirement) => (
              <li key={`${requirement.field}-${requirement.requestedAt.toISOString()}`} className="text-slate-700">
                <span className="font-medium">{requirement.label}</span>: {requirement.reason}
                <span className="block text-xs text-slate-500">
                  {t("clearedAt", { date: formatDateTime(requirement.clearedAt as Date, locale) })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {changedSinceRequest.length > 0 ? (
        <div>
          <h3 className="font-semibold text-slate-900">{t("changed")}</h3>
          <ul aria-label={t("changed")} className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
            {changedSinceRequest.map((field) => (
              <li key={field}>{fieldLabel(field, labels)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
