"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAuditActor } from "@/lib/audit/audit-events";
import { requirePermission, type CurrentUser } from "@/lib/auth/current-user";
import { formResult, type FormFailure } from "@/lib/forms/form-result";
import { parseForm } from "@/lib/forms/parse-form";
import { createApiKey, revokeApiKey } from "@/lib/partners/api-keys";

const PAGE = "/settings/api-keys";

/** The new pair, secret included: the only time the secret leaves the server. */
export type CreateApiKeyResult = { ok: true; publicKey: string; secret: string } | FormFailure;
export type RevokeApiKeyResult = { ok: true } | FormFailure;

/** The signed-in partner admin and their own partner: keys are never managed for a partner the client names. */
async function partnerAdmin(): Promise<{ user: CurrentUser; partnerId: string }> {
  const user = await requirePermission("api-keys:manage");
  // `can` already refuses a partner role without a partner; this narrows the type.
  if (!user.partnerId) redirect("/not-allowed");
  return { user, partnerId: user.partnerId };
}

export async function createApiKeyAction(): Promise<CreateApiKeyResult> {
  const { user, partnerId } = await partnerAdmin();
  return formResult(async () => {
    const pair = await createApiKey(partnerId, userAuditActor(user));
    revalidatePath(PAGE);
    return { publicKey: pair.publicKey, secret: pair.secret };
  });
}

const revokeSchema = z.object({ publicKey: z.string().trim().min(1).max(128) });

export async function revokeApiKeyAction(formData: FormData): Promise<RevokeApiKeyResult> {
  const { user, partnerId } = await partnerAdmin();
  return formResult(async () => {
    const { publicKey } = parseForm(revokeSchema, formData, "chooseKeyToRevoke");
    try {
      await revokeApiKey(partnerId, publicKey, userAuditActor(user));
    } finally {
      // Revoked or not, the list shows the key as it is now.
      revalidatePath(PAGE);
    }
    return {};
  });
}
