"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAuditActor } from "@/lib/audit/audit-events";
import { requirePermission } from "@/lib/auth/current-user";
import { PASSWORD_MIN } from "@/lib/auth/passwords";
import { isPartnerRole, ROLES } from "@/lib/auth/roles";
import { fieldErrorsFromZod, validationError } from "@/lib/errors";
import { formResult, type FormFailure } from "@/lib/forms/form-result";
import { createPartner } from "@/lib/partners/partners";
import { changeRole, createUser, setDisabled } from "@/lib/users/users";

const PAGE = "/admin";

export type AdminFailure = FormFailure;
/** The partner and its first key pair, secret included: the only time the secret leaves the server. */
export type CreatePartnerResult =
  { ok: true; partnerId: string; name: string; publicKey: string; secret: string } | AdminFailure;
export type AccountResult = { ok: true; message: string } | AdminFailure;

/** The administration page's words, in the language of the admin who acts. */
type Words = Awaited<ReturnType<typeof words>>;
function words() {
  return getTranslations("settings.admin");
}

/** The form's fields as the schema reads them, or the refusal that lists every bad field. */
function parse<T>(schema: z.ZodType<T>, formData: FormData, message: string): T {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), message);
  return parsed.data;
}

const partnerSchema = (t: Words) =>
  z.object({
    name: z
      .string()
      .trim()
      .min(1, t("validation.partnerName"))
      .max(200, t("validation.maxLength", { max: 200 })),
  });

export async function createPartnerAction(formData: FormData): Promise<CreatePartnerResult> {
  const admin = await requirePermission("admin:manage");
  const t = await words();
  return formResult(async () => {
    const { name } = parse(partnerSchema(t), formData, t("validation.checkFields"));
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

/** Role and partner as a form sends them: the partner select only counts for partner roles. */
const rolePartnerFields = (t: Words) => ({
  role: z.enum(ROLES, t("validation.chooseRole")),
  partnerId: z.string().trim().optional(),
});

function partnerFor(t: Words) {
  return <T extends { role: (typeof ROLES)[number]; partnerId?: string }>(values: T, ctx: z.RefinementCtx): void => {
    if (isPartnerRole(values.role) && !values.partnerId) {
      ctx.addIssue({
        code: "custom",
        path: ["partnerId"],
        message: t("validation.choosePartner"),
        params: { code: "required" },
      });
    }
  };
}

const accountSchema = (t: Words) =>
  z
    .object({
      name: z
        .string()
        .trim()
        .min(1, t("validation.personName"))
        .max(200, t("validation.maxLength", { max: 200 })),
      email: z
        .string()
        .trim()
        .toLowerCase()
        .max(254, t("validation.maxLength", { max: 254 }))
        .pipe(z.email(t("validation.email"))),
      password: z
        .string()
        .min(PASSWORD_MIN, t("validation.minLength", { min: PASSWORD_MIN }))
        .max(256, t("validation.maxLength", { max: 256 })),
      ...rolePartnerFields(t),
    })
    .superRefine(partnerFor(t));

export async function createAccountAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  const t = await words();
  return formResult(async () => {
    const { role, partnerId, ...account } = parse(accountSchema(t), formData, t("validation.checkFields"));
    await createUser(admin, { ...account, role, partnerId: isPartnerRole(role) ? partnerId : null });
    revalidatePath(PAGE);
    return { message: t("accountCreated", { email: account.email }) };
  });
}

const roleSchema = (t: Words) =>
  z.object({ userId: z.string().min(1), ...rolePartnerFields(t) }).superRefine(partnerFor(t));

export async function changeRoleAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  const t = await words();
  return formResult(async () => {
    const { userId, role, partnerId } = parse(roleSchema(t), formData, t("validation.checkFields"));
    await changeRole(admin, userId, role, isPartnerRole(role) ? (partnerId ?? null) : null);
    revalidatePath(PAGE);
    return { message: t("roleSaved") };
  });
}

const statusSchema = z.object({ userId: z.string().min(1), disabled: z.enum(["true", "false"]) });

export async function setAccountDisabledAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  const t = await words();
  return formResult(async () => {
    const { userId, disabled } = parse(statusSchema, formData, t("chooseAccount"));
    await setDisabled(admin, userId, disabled === "true");
    revalidatePath(PAGE);
    return { message: t(disabled === "true" ? "accountDisabled" : "accountEnabled") };
  });
}
