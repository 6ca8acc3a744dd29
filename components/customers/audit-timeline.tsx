import { useLocale, useTranslations } from "next-intl";
import type { AuditEvent } from "@/lib/audit/audit-event-types";
import { actorLabel } from "@/lib/audit/audit-words";
import { fieldLabel } from "@/lib/customers/fields";
import { formatDateTimeWithSeconds } from "@/lib/format-date";
import { toLocale } from "@/lib/i18n/locales";

/** Each action a customer's timeline shows, by its code: a key of the `backOffice` catalog's `timeline.actions`. */
const ACTION_KEYS: Record<string, string> = {
  "customer.created": "customerCreated",
  "customer.approved": "customerApproved",
  "customer.rejected": "customerRejected",
  "customer.suspended": "customerSuspended",
  "customer.reactivated": "customerReactivated",
  "customer.information_requested": "customerInformationRequested",
  "customer.updated": "customerUpdated",
  "document.viewed": "documentViewed",
  "identity.revealed": "identityRevealed",
  "onboarding_link.submitted": "onboardingLinkSubmitted",
};

const STATUSES = new Set(["pending", "active", "rejected", "suspended"]);

/** The customer's audit trail, oldest first, as recorded (never edited). */
export function AuditTimeline({ events, fileNames }: { events: AuditEvent[]; fileNames: Record<string, string> }) {
  const labels = useTranslations("fields");
  const t = useTranslations("backOffice.timeline");
  const actors = useTranslations("common.actors");
  const locale = toLocale(useLocale());
  const status = (code: string) => (STATUSES.has(code) ? t(`status.${code}`) : code);
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5">
      {events.map((event) => (
        <li key={event.id} className="relative">
          <span aria-hidden="true" className="absolute -left-[26px] top-1.5 h-2.5 w-2.5 rounded-full bg-blue-700" />
          <p className="text-sm font-medium text-slate-900">
            {Object.hasOwn(ACTION_KEYS, event.action) ? t(`actions.${ACTION_KEYS[event.action]}`) : event.action}
            {event.fromStatus && event.toStatus ? (
              <span className="font-normal text-slate-600">
                {" "}
                · {t("transition", { from: status(event.fromStatus), to: status(event.toStatus) })}
              </span>
            ) : null}
            {event.subject ? (
              <span className="font-normal text-slate-600"> · {fileNames[event.subject] ?? event.subject}</span>
            ) : null}
          </p>
          <p className="text-xs text-slate-500">
            {actorLabel(event.actor, actors)} ·{" "}
            <time dateTime={event.at.toISOString()}>
              {t("at", { time: formatDateTimeWithSeconds(event.at, locale) })}
            </time>
          </p>
          {event.action === "customer.information_requested" ? (
            // The notes are the reason, one line per field, in the order of the fields.
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
              {event.fields.map((field, index) => (
                <li key={field}>
                  {t("note", { field: fieldLabel(field, labels), note: event.reason?.split("\n")[index] ?? "" })}
                </li>
              ))}
            </ul>
          ) : event.reason ? (
            <p className="mt-1 text-sm text-slate-700">{t("reason", { reason: event.reason })}</p>
          ) : null}
          {event.action === "customer.updated" ? (
            <p className="mt-1 text-sm text-slate-700">
              {event.fields.length > 0
                ? t("changed", {
                    fields: event.fields.map((field) => fieldLabel(field, labels)).join(t("fieldSeparator")),
                  })
                : t("noFieldChanged")}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
