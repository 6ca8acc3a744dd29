import { useTranslations } from "next-intl";
import type { AuditEvent } from "@/lib/audit/audit-event-types";
import { fieldLabel } from "@/lib/customers/fields";
import { formatDateTimeWithSeconds } from "@/lib/format-date";

const ACTION_LABELS: Record<string, string> = {
  "customer.created": "Created",
  "customer.approved": "Approved",
  "customer.rejected": "Rejected",
  "customer.suspended": "Suspended",
  "customer.reactivated": "Reactivated",
  "customer.information_requested": "Requested information",
  "customer.updated": "Updated",
  "document.viewed": "Viewed a document",
  "identity.revealed": "Revealed an ID number",
  "onboarding_link.submitted": "Submitted by the business through an onboarding link",
};

/** The customer's audit trail, oldest first, as recorded (never edited). */
export function AuditTimeline({ events, fileNames }: { events: AuditEvent[]; fileNames: Record<string, string> }) {
  const labels = useTranslations("fields");
  if (events.length === 0) return <p className="text-sm text-slate-600">No events yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5">
      {events.map((event) => (
        <li key={event.id} className="relative">
          <span aria-hidden="true" className="absolute -left-[26px] top-1.5 h-2.5 w-2.5 rounded-full bg-blue-700" />
          <p className="text-sm font-medium text-slate-900">
            {ACTION_LABELS[event.action] ?? event.action}
            {event.fromStatus && event.toStatus ? (
              <span className="font-normal text-slate-600">
                {" "}
                · {event.fromStatus} → {event.toStatus}
              </span>
            ) : null}
            {event.subject ? (
              <span className="font-normal text-slate-600"> · {fileNames[event.subject] ?? event.subject}</span>
            ) : null}
          </p>
          <p className="text-xs text-slate-500">
            {event.actor.label} ·{" "}
            <time dateTime={event.at.toISOString()}>{formatDateTimeWithSeconds(event.at)} UTC</time>
          </p>
          {event.action === "customer.information_requested" ? (
            // The notes are the reason, one line per field, in the order of the fields.
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
              {event.fields.map((field, index) => (
                <li key={field}>
                  {fieldLabel(field, labels)}: {event.reason?.split("\n")[index]}
                </li>
              ))}
            </ul>
          ) : event.reason ? (
            <p className="mt-1 text-sm text-slate-700">Reason: {event.reason}</p>
          ) : null}
          {event.action === "customer.updated" ? (
            <p className="mt-1 text-sm text-slate-700">
              {event.fields.length > 0
                ? `Changed: ${event.fields.map((field) => fieldLabel(field, labels)).join(", ")}`
                : "No field changed."}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
