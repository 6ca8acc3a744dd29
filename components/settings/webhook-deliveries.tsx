import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTimeWithSeconds } from "@/lib/format-date";
import { toLocale } from "@/lib/i18n/locales";
import type { DeliveryView } from "@/lib/webhooks/delivery-view";
import { WebhookActionButton, type WebhookAction } from "./webhook-action-button";

type StatusShown = "queued" | DeliveryView["status"];

const TONES: Record<StatusShown, BadgeTone> = {
  queued: "info",
  pending: "warning",
  delivered: "success",
  failed: "danger",
};

const headerCell = "px-3 py-2 font-medium";

/** Pending is "Queued" before its first attempt and "Retrying" after one. */
function statusOf(delivery: DeliveryView): StatusShown {
  return delivery.status === "pending" && delivery.attempts === 0 ? "queued" : delivery.status;
}

/** An endpoint's recent deliveries, each with its attempts (newest first) and a resend button. */
export function WebhookDeliveries({
  deliveries,
  endpointUrl,
  resendAction,
}: {
  deliveries: DeliveryView[];
  endpointUrl: string;
  resendAction: WebhookAction;
}) {
  const t = useTranslations("settings");
  const locale = toLocale(useLocale());
  if (deliveries.length === 0) {
    return <p className="px-4 py-6 text-sm text-slate-500 sm:px-6">{t("deliveries.none")}</p>;
  }
  const columns = {
    event: t("deliveries.columns.event"),
    status: t("deliveries.columns.status"),
    attempts: t("deliveries.columns.attempts"),
  };
  return (
    <div className="relative overflow-x-auto">
      <table className="table-cards w-full text-left text-sm">
        <caption className="sr-only">{t("deliveries.caption", { url: endpointUrl })}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className={headerCell}>
              {columns.event}
            </th>
            <th scope="col" className={headerCell}>
              {columns.status}
            </th>
            <th scope="col" className={headerCell}>
              {columns.attempts}
            </th>
            <th scope="col" className={headerCell}>
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {deliveries.map((delivery) => {
            const status = statusOf(delivery);
            return (
              <tr key={delivery.id}>
                <td data-label={columns.event} className="px-3 py-3">
                  <div className="font-mono text-xs break-all">{delivery.eventType}</div>
                  <div className="font-mono text-xs break-all text-slate-500">{delivery.eventId}</div>
                </td>
                <td data-label={columns.status} className="px-3 py-3">
                  <Badge tone={TONES[status]}>{t(`deliveries.status.${status}`)}</Badge>
                  {delivery.status === "pending" && delivery.attempts > 0 ? (
                    <div className="mt-1 text-xs text-slate-500">
                      {t("deliveries.nextTry", { date: formatDateTimeWithSeconds(delivery.nextAttemptAt, locale) })}
                    </div>
                  ) : null}
                </td>
                <td data-label={columns.attempts} className="px-3 py-3">
                  {delivery.attemptLog.length === 0 ? (
                    <span className="text-xs text-slate-500">{t("deliveries.noAttempts")}</span>
                  ) : (
                    <ol className="space-y-1 text-xs">
                      {delivery.attemptLog.map((attempt) => (
                        <li key={attempt.attempt}>
                          <span className="font-medium">#{attempt.attempt}</span>{" "}
                          {formatDateTimeWithSeconds(attempt.startedAt, locale)} ·{" "}
                          <span className="font-mono">{attempt.statusCode ?? t("deliveries.noAnswer")}</span> ·{" "}
                          {t("deliveries.duration", { ms: String(attempt.durationMs) })}
                          {attempt.responseExcerpt ? (
                            <span
                              className="block max-w-md truncate font-mono text-slate-500"
                              title={attempt.responseExcerpt}
                            >
                              {attempt.responseExcerpt}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
                <td className="px-3 py-3 text-right">
                  <WebhookActionButton
                    action={resendAction}
                    fields={{ deliveryId: delivery.id }}
                    label={t("deliveries.resend")}
                    accessibleName={`${delivery.eventType} ${delivery.eventId}`}
                    done={t("deliveries.resendQueued")}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
