import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { WebhookDeliveries } from "@/components/settings/webhook-deliveries";
import { WebhookEndpointControls } from "@/components/settings/webhook-endpoint-controls";
import { WebhookEndpointCreator } from "@/components/settings/webhook-endpoint-creator";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/current-user";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { formatDateTime } from "@/lib/format-date";
import { toLocale } from "@/lib/i18n/locales";
import { listEndpointSummaries, recentDeliveries } from "@/lib/webhooks/deliveries";
import { MAX_ENDPOINTS_PER_PARTNER } from "@/lib/webhooks/endpoint-schema";
import { TEST_EVENT_TYPE } from "@/lib/webhooks/test-event";
import { apiReferenceLink } from "@/components/settings/api-reference-link";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  resendDeliveryAction,
  rotateWebhookSecretAction,
  sendTestEventAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.webhooks");
  return { title: t("pageTitle") };
}

export default async function WebhooksPage() {
  const user = await requirePermission("webhooks:manage");
  // Always the signed-in admin's own partner; the page takes no partner from the request.
  const partnerId = user.partnerId;
  const endpoints = partnerId ? await listEndpointSummaries(partnerId) : [];
  const deliveries = partnerId
    ? await Promise.all(endpoints.map((endpoint) => recentDeliveries(partnerId, endpoint.id)))
    : [];
  const [t, settings, locale] = await Promise.all([
    getTranslations("settings.webhooks"),
    getTranslations("settings"),
    getLocale().then(toLocale),
  ]);
  const partner = user.partnerName ?? settings("yourPartner");
  const now = new Date();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          {t.rich("intro", {
            partner,
            link: apiReferenceLink,
          })}
        </p>
      </div>

      <Card>
        <CardHeader title={t("addTitle")} description={t("addDescription")} />
        <CardBody>
          <WebhookEndpointCreator action={createWebhookEndpointAction} eventTypes={EVENT_TYPES} />
        </CardBody>
      </Card>

      {endpoints.length > 0 ? (
        <p className="text-sm font-medium text-slate-700">
          {t("count", { count: endpoints.length, max: MAX_ENDPOINTS_PER_PARTNER })}
        </p>
      ) : null}
      {endpoints.length === 0 ? (
        <Card>
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        </Card>
      ) : (
        endpoints.map((endpoint, index) => (
          <Card key={endpoint.id}>
            <section aria-label={t("endpoint", { url: endpoint.url })}>
              <CardHeader
                title={<span className="font-mono text-sm break-all">{endpoint.url}</span>}
                description={
                  <>
                    {endpoint.failingSince ? (
                      <Badge tone="danger">
                        {t("failingSince", { date: formatDateTime(endpoint.failingSince, locale) })}
                      </Badge>
                    ) : (
                      <Badge tone="success">{t("active")}</Badge>
                    )}{" "}
                    <span className="font-mono text-xs">{endpoint.eventTypes.join(", ")}</span> ·{" "}
                    {t("added", { date: formatDateTime(endpoint.createdAt, locale) })}
                    {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? (
                      <span className="block text-xs">
                        {t("previousSecret", { date: formatDateTime(endpoint.previousSecretExpiresAt, locale) })}
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
              <h3 className="px-4 pt-4 text-sm font-semibold text-slate-900 sm:px-6">{t("recentDeliveries")}</h3>
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
