import type { Metadata } from "next";
import Link from "next/link";
import { WebhookDeliveries } from "@/components/settings/webhook-deliveries";
import { WebhookEndpointControls } from "@/components/settings/webhook-endpoint-controls";
import { WebhookEndpointCreator } from "@/components/settings/webhook-endpoint-creator";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/current-user";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { formatDateTime } from "@/lib/format-date";
import { listEndpointSummaries, recentDeliveries } from "@/lib/webhooks/deliveries";
import { TEST_EVENT_TYPE } from "@/lib/webhooks/test-event";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  resendDeliveryAction,
  rotateWebhookSecretAction,
  sendTestEventAction,
} from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await requirePermission("webhooks:manage");
  // Always the signed-in admin's own partner; the page takes no partner from the request.
  const partnerId = user.partnerId;
  const endpoints = partnerId ? await listEndpointSummaries(partnerId) : [];
  const deliveries = partnerId
    ? await Promise.all(endpoints.map((endpoint) => recentDeliveries(partnerId, endpoint.id)))
    : [];
  const partnerName = user.partnerName ?? "your partner";
  const now = new Date();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          Events about {partnerName}&apos;s customers are POSTed to these endpoints, signed with the endpoint&apos;s
          secret. Failed deliveries are retried for 3 days. See the{" "}
          <Link href="/docs/api" className="font-medium text-blue-700 underline-offset-4 hover:underline">
            API reference
          </Link>{" "}
          for the body and how to verify the signature.
        </p>
      </div>

      <Card>
        <CardHeader
          title="Add an endpoint"
          description="The signing secret is shown once, when the endpoint is added."
        />
        <CardBody>
          <WebhookEndpointCreator action={createWebhookEndpointAction} eventTypes={EVENT_TYPES} />
        </CardBody>
      </Card>

      {endpoints.length === 0 ? (
        <Card>
          <EmptyState title="No endpoints yet">
            Add your system&apos;s HTTPS address above to get an event each time one of your customers is created,
            changes status or is asked for information.
          </EmptyState>
        </Card>
      ) : (
        endpoints.map((endpoint, index) => (
          <Card key={endpoint.id}>
            <section aria-label={`Endpoint ${endpoint.url}`}>
              <CardHeader
                title={<span className="font-mono text-sm break-all">{endpoint.url}</span>}
                description={
                  <>
                    {endpoint.failingSince ? (
                      <Badge tone="danger">Failing since {formatDateTime(endpoint.failingSince)}</Badge>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}{" "}
                    <span className="font-mono text-xs">{endpoint.eventTypes.join(", ")}</span> · added{" "}
                    {formatDateTime(endpoint.createdAt)}
                    {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? (
                      <span className="block text-xs">
                        The previous secret also signs until {formatDateTime(endpoint.previousSecretExpiresAt)} (UTC).
                      </span>
                    ) : null}
                  </>
                }
              />
              <CardBody className="border-b border-slate-200">
                <WebhookEndpointControls
                  endpointId={endpoint.id}
                  url={endpoint.url}
                  testEventType={TEST_EVENT_TYPE}
                  actions={{
                    sendTest: sendTestEventAction,
                    rotate: rotateWebhookSecretAction,
                    remove: deleteWebhookEndpointAction,
                  }}
                />
              </CardBody>
              <h3 className="px-4 pt-4 text-sm font-semibold text-slate-900 sm:px-6">Recent deliveries</h3>
              <WebhookDeliveries
                deliveries={deliveries[index] ?? []}
                endpointUrl={endpoint.url}
                resendAction={resendDeliveryAction}
              />
            </section>
          </Card>
        ))
      )}
    </div>
  );
}
