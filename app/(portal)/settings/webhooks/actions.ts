"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAuditActor, type AuditActor } from "@/lib/audit/audit-events";
import { requirePermission } from "@/lib/auth/current-user";
import { formResult, type FormFailure } from "@/lib/forms/form-result";
import { parseForm } from "@/lib/forms/parse-form";
import { resendDelivery, sendTestEvent } from "@/lib/webhooks/deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookEndpointSecret } from "@/lib/webhooks/endpoints";

const PAGE = "/settings/webhooks";

/** The new secret: the only time it leaves the server. */
export type WebhookSecretResult = { ok: true; endpointId: string; secret: string } | FormFailure;
export type WebhookActionResult = { ok: true } | FormFailure;

/**
 * The signed-in partner admin's own partner (endpoints are never managed for a partner the client
 * names), and the admin as the audit trail names them.
 */
async function ownPartner(): Promise<{ partnerId: string; by: AuditActor }> {
  const user = await requirePermission("webhooks:manage");
  if (!user.partnerId) redirect("/not-allowed");
  return { partnerId: user.partnerId, by: userAuditActor(user) };
}

const endpointForm = z.object({ endpointId: z.string().trim().min(1).max(64) });
const deliveryForm = z.object({ deliveryId: z.string().trim().min(1).max(20) });

export async function createWebhookEndpointAction(formData: FormData): Promise<WebhookSecretResult> {
  const { partnerId, by } = await ownPartner();
  return formResult(async () => {
    // The same checks and answer as POST /api/webhook_endpoints.
    const endpoint = await createWebhookEndpoint(
      partnerId,
      {
        url: String(formData.get("url") ?? "").trim(),
        event_types: formData.getAll("event_types").map(String),
      },
      by,
    );
    revalidatePath(PAGE);
    return { endpointId: endpoint.id, secret: endpoint.secret };
  });
}

export async function rotateWebhookSecretAction(formData: FormData): Promise<WebhookSecretResult> {
  const { partnerId, by } = await ownPartner();
  return formResult(async () => {
    const { endpointId } = parseForm(endpointForm, formData, "chooseEndpoint");
    const rotated = await rotateWebhookEndpointSecret(partnerId, endpointId, by);
    revalidatePath(PAGE);
    return { endpointId, secret: rotated.secret };
  });
}

export async function deleteWebhookEndpointAction(formData: FormData): Promise<WebhookActionResult> {
  const { partnerId, by } = await ownPartner();
  return formResult(async () => {
    const { endpointId } = parseForm(endpointForm, formData, "chooseEndpoint");
    try {
      await deleteWebhookEndpoint(partnerId, endpointId, by);
    } finally {
      revalidatePath(PAGE);
    }
    return {};
  });
}

export async function sendTestEventAction(formData: FormData): Promise<WebhookActionResult> {
  const { partnerId, by } = await ownPartner();
  return formResult(async () => {
    const { endpointId } = parseForm(endpointForm, formData, "chooseEndpoint");
    await sendTestEvent(partnerId, endpointId, by);
    revalidatePath(PAGE);
    return {};
  });
}

export async function resendDeliveryAction(formData: FormData): Promise<WebhookActionResult> {
  const { partnerId } = await ownPartner();
  return formResult(async () => {
    const { deliveryId } = parseForm(deliveryForm, formData, "chooseDelivery");
    await resendDelivery(partnerId, deliveryId);
    revalidatePath(PAGE);
    return {};
  });
}
