"use client";

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
  const [secret, setSecret] = useState<string | null>(null);
  const fields = { endpointId };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-2">
        <WebhookActionButton
          action={actions.sendTest}
          fields={fields}
          label="Send test event"
          accessibleName={url}
          done={`Test event (${testEventType}) queued.`}
        />
        <WebhookActionButton
          action={actions.rotate}
          fields={fields}
          label="Rotate secret"
          accessibleName={url}
          confirm={{
            text: "A new secret signs from now on; the current one also signs for 24 hours.",
            label: "Confirm rotate",
          }}
          onSecret={setSecret}
        />
        <WebhookActionButton
          action={actions.remove}
          fields={fields}
          label="Delete"
          accessibleName={url}
          confirm={{ text: "Nothing more is sent to it.", label: "Confirm delete" }}
        />
      </div>
      {secret ? <WebhookSecretPanel title="New signing secret" secret={secret} onDone={() => setSecret(null)} /> : null}
    </div>
  );
}
