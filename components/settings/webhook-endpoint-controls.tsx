"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { WebhookActionButton, type WebhookAction } from "./webhook-action-button";
import { WebhookSecretPanel } from "./webhook-secret-panel";

/**
 * An endpoint's buttons (send a test event, rotate its secret, delete it) and, after a rotation,
 * the new secret, shown once below them.
 */
export function WebhookEndpointControls({
  endpointId,
  url,
  testEventType,
  actions,
}: {
  endpointId: string;
  url: string;
  testEventType: string;
  actions: { sendTest: WebhookAction; rotate: WebhookAction; remove: WebhookAction };
}) {
  const t = useTranslations("settings.webhooks");
  const [secret, setSecret] = useState<string | null>(null);
  const fields = { endpointId };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-2">
        <WebhookActionButton
          action={actions.sendTest}
          fields={fields}
          label={t("sendTest")}
          accessibleName={url}
          done={t("testQueued", { type: testEventType })}
        />
        <WebhookActionButton
          action={actions.rotate}
          fields={fields}
          label={t("rotate")}
          accessibleName={url}
          confirm={{ text: t("rotateWarning"), label: t("confirmRotate") }}
          onSecret={setSecret}
        />
        <WebhookActionButton
          action={actions.remove}
          fields={fields}
          label={t("delete")}
          accessibleName={url}
          confirm={{ text: t("deleteWarning"), label: t("confirmDelete") }}
        />
      </div>
      {secret ? <WebhookSecretPanel title={t("newSecret")} secret={secret} onDone={() => setSecret(null)} /> : null}
    </div>
  );
}
