"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { userAuditActor } from "@/lib/audit/audit-events";
import { requirePermission } from "@/lib/auth/current-user";
import { isPartnerRole } from "@/lib/auth/roles";
import { formResult, type FormFailure } from "@/lib/forms/form-result";
import { parseForm } from "@/lib/forms/parse-form";
import { createPartner } from "@/lib/partners/partners";
import { accountForm, accountStatusForm, partnerForm, roleForm } from "@/lib/users/admin-forms";
import { changeRole, createUser, setDisabled } from "@/lib/users/users";

const PAGE = "/admin";

export type AdminFailure = FormFailure;
/** The partner and its first key pair, secret included: the only time the secret leaves the server. */
export type CreatePartnerResult =
  { ok: true; partnerId: string; name: string; publicKey: string; secret: string } | AdminFailure;
export type AccountResult = { ok: true; message: string } | AdminFailure;

/** The administration page's words, in the language of the admin who acts. */
function words() {
  return getTranslations("settings.admin");
}

export async function createPartnerAction(formData: FormData): Promise<CreatePartnerResult> {
  const admin = await requirePermission("admin:manage");
  return formResult(async () => {
    const { name } = parseForm(partnerForm, formData, "fieldsNeedAttention");
    const partner = await createPartner(name, { by: userAuditActor(admin) });
    revalidatePath(PAGE);
    return {
      partnerId: partner.partnerId,
      name: partner.name,
      publicKey: partner.apiKey.publicKey,
      secret: partner.apiKey.secret,
    };
  });
}

export async function createAccountAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  const t = await words();
  return formResult(async () => {
    const { role, partnerId, ...account } = parseForm(accountForm, formData, "fieldsNeedAttention");
    await createUser(admin, { ...account, role, partnerId: isPartnerRole(role) ? partnerId : null });
    revalidatePath(PAGE);
    return { message: t("accountCreated", { email: account.email }) };
  });
}

export async function changeRoleAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  const t = await words();
  return formResult(async () => {
    const { userId, role, partnerId } = parseForm(roleForm, formData, "fieldsNeedAttention");
    await changeRole(admin, userId, role, isPartnerRole(role) ? (partnerId ?? null) : null);
    revalidatePath(PAGE);
    return { message: t("roleSaved") };
  });
}

export async function setAccountDisabledAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  const t = await words();
  return formResult(async () => {
    const { userId, disabled } = parseForm(accountStatusForm, formData, "chooseAccount");
    await setDisabled(admin, userId, disabled === "true");
    revalidatePath(PAGE);
    return { message: t(disabled === "true" ? "accountDisabled" : "accountEnabled") };
  });
}
