"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { fieldErrorsFromZod, type FieldError } from "@/lib/errors";
import { createApiKey, revokeApiKey } from "@/lib/partners/api-keys";

const PAGE = "/settings/api-keys";

type Failure = { ok: false; message: string; fieldErrors: FieldError[] };

/** The new pair, secret included: the only time the secret leaves the server. */
export type CreateApiKeyResult = { ok: true; publicKey: string; secret: string } | Failure;
export type RevokeApiKeyResult = { ok: true } | Failure;

/** The signed-in partner admin's own partner: keys are never managed for a partner the client names. */
async function ownPartnerId(): Promise<string> {
  const user = await requirePermission("api-keys:manage");
  // `can` already refuses a partner role without a partner; this narrows the type.
  if (!user.partnerId) redirect("/not-allowed");
  return user.partnerId;
}

export async function createApiKeyAction(): Promise<CreateApiKeyResult> {
  const partnerId = await ownPartnerId();
  const pair = await createApiKey(partnerId);
  revalidatePath(PAGE);
  return { ok: true, publicKey: pair.publicKey, secret: pair.secret };
}

const revokeSchema = z.object({ publicKey: z.string().trim().min(1).max(128) });

export async function revokeApiKeyAction(formData: FormData): Promise<RevokeApiKeyResult> {
  const partnerId = await ownPartnerId();
  const parsed = revokeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, message: "Choose a key to revoke.", fieldErrors: fieldErrorsFromZod(parsed.error) };
  }
  const revoked = await revokeApiKey(partnerId, parsed.data.publicKey);
  revalidatePath(PAGE);
  if (!revoked) {
    return { ok: false, message: "This key is already revoked, or it is not one of your keys.", fieldErrors: [] };
  }
  return { ok: true };
}
