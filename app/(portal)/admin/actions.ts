"use server";

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
const CHECK_FIELDS = "Some fields need your attention.";

export type AdminFailure = FormFailure;
/** The partner and its first key pair, secret included: the only time the secret leaves the server. */
export type CreatePartnerResult =
  { ok: true; partnerId: string; name: string; publicKey: string; secret: string } | AdminFailure;
export type AccountResult = { ok: true; message: string } | AdminFailure;

/** The form's fields as the schema reads them, or the refusal that lists every bad field. */
function parse<T>(schema: z.ZodType<T>, formData: FormData, message = CHECK_FIELDS): T {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw validationError(fieldErrorsFromZod(parsed.error), message);
  return parsed.data;
}

const partnerSchema = z.object({
  name: z.string().trim().min(1, "Enter the partner's name.").max(200, "Use at most 200 characters."),
});

export async function createPartnerAction(formData: FormData): Promise<CreatePartnerResult> {
  const admin = await requirePermission("admin:manage");
  return formResult(async () => {
    const { name } = parse(partnerSchema, formData);
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

const PARTNER_REQUIRED = "Choose the partner this person works for.";

/** Role and partner as a form sends them: the partner select only counts for partner roles. */
const rolePartnerFields = {
  role: z.enum(ROLES, "Choose a role."),
  partnerId: z.string().trim().optional(),
};

function partnerFor<T extends { role: (typeof ROLES)[number]; partnerId?: string }>(
  values: T,
  ctx: z.RefinementCtx,
): void {
  if (isPartnerRole(values.role) && !values.partnerId) {
    ctx.addIssue({ code: "custom", path: ["partnerId"], message: PARTNER_REQUIRED, params: { code: "required" } });
  }
}

const accountSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the person's name.").max(200, "Use at most 200 characters."),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "Use at most 254 characters.")
      .pipe(z.email("Enter an email address such as name@example.com.")),
    password: z
      .string()
      .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
      .max(256, "Use at most 256 characters."),
    ...rolePartnerFields,
  })
  .superRefine(partnerFor);

export async function createAccountAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  return formResult(async () => {
    const { role, partnerId, ...account } = parse(accountSchema, formData);
    await createUser(admin, { ...account, role, partnerId: isPartnerRole(role) ? partnerId : null });
    revalidatePath(PAGE);
    return { message: `Account created for ${account.email}.` };
  });
}

const roleSchema = z.object({ userId: z.string().min(1), ...rolePartnerFields }).superRefine(partnerFor);

export async function changeRoleAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  return formResult(async () => {
    const { userId, role, partnerId } = parse(roleSchema, formData);
    await changeRole(admin, userId, role, isPartnerRole(role) ? (partnerId ?? null) : null);
    revalidatePath(PAGE);
    return { message: "Role saved. It applies from the person's next page." };
  });
}

const statusSchema = z.object({ userId: z.string().min(1), disabled: z.enum(["true", "false"]) });

export async function setAccountDisabledAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  return formResult(async () => {
    const { userId, disabled } = parse(statusSchema, formData, "Choose an account.");
    await setDisabled(admin, userId, disabled === "true");
    revalidatePath(PAGE);
    return { message: disabled === "true" ? "Account disabled." : "Account enabled." };
  });
}
