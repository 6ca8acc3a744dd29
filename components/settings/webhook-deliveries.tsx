import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTimeWithSeconds } from "@/lib/format-date";
import type { DeliveryView } from "@/lib/webhooks/delivery-view";
import { WebhookActionButton, type WebhookAction } from "./webhook-action-button";

const STATUS: Record<DeliveryView["status"], { label: string; tone: BadgeTone }> = {
  pending: { label: "Retrying", tone: "warning" },
  delivered: { label: "Delivered", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

const headerCell = "px-3 py-2 font-medium";

function statusOf(delivery: DeliveryView): { label: string; tone: BadgeTone } {
  if (delivery.status === "pending" && delivery.attempts === 0) return { label: "Queued", tone: "info" };
  return STATUS[delivery.status];
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
  if (deliveries.length === 0) {
    return (
      <p className="px-4 py-6 text-sm text-slate-500 sm:px-6">
        No deliveries yet. Send a test event to check that the endpoint answers.
      </p>
    );
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="table-cards w-full text-left text-sm">
        <caption className="sr-only">Recent deliveries to {endpointUrl}, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className={headerCell}>
              Event
            </th>
            <th scope="col" className={headerCell}>
              Status
            </th>
            <th scope="col" className={headerCell}>
              Attempts (UTC)
            </th>
            <th scope="col" className={headerCell}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {deliveries.map((delivery) => {
            const status = statusOf(delivery);
            return (
              <tr key={delivery.id}>
                <td data-label="Event" className="px-3 py-3">
                  <div className="font-mono text-xs break-all">{delivery.eventType}</div>
                  <div className="font-mono text-xs break-all text-slate-500">{delivery.eventId}</div>
                </td>
                <td data-label="Status" className="px-3 py-3">
                  <Badge tone={status.tone}>{status.label}</Badge>
                  {delivery.status === "pending" && delivery.attempts > 0 ? (
                    <div className="mt-1 text-xs text-slate-500">
                      Next try {formatDateTimeWithSeconds(delivery.nextAttemptAt)}
                    </div>
                  ) : null}
                </td>
                <td data-label="Attempts (UTC)" className="px-3 py-3">
                  {delivery.attemptLog.length === 0 ? (
                    <span className="text-xs text-slate-500">None yet</span>
                  ) : (
                    <ol className="space-y-1 text-xs">
                      {delivery.attemptLog.map((attempt) => (
                        <li key={attempt.attempt}>
                          <span className="font-medium">#{attempt.attempt}</span>{" "}
                          {formatDateTimeWithSeconds(attempt.startedAt)} ·{" "}
                          <span className="font-mono">{attempt.statusCode ?? "no answer"}</span> · {attempt.durationMs}{" "}
                          ms
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
                    label="Resend"
                    accessibleName={`${delivery.eventType} ${delivery.eventId}`}
                    done="Resend queued."
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
