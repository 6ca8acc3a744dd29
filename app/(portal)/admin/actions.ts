"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { PASSWORD_MIN } from "@/lib/auth/passwords";
import { isPartnerRole, ROLES } from "@/lib/auth/roles";
import { AppError, fieldErrorsFromZod, type FieldError } from "@/lib/errors";
import { createPartner } from "@/lib/partners/partners";
import { changeRole, createUser, setDisabled } from "@/lib/users/users";

const PAGE = "/admin";
const CHECK_FIELDS = "Some fields need your attention.";

export type AdminFailure = { ok: false; message: string; fieldErrors: FieldError[] };
/** The partner and its first key pair, secret included: the only time the secret leaves the server. */
export type CreatePartnerResult =
  { ok: true; partnerId: string; name: string; publicKey: string; secret: string } | AdminFailure;
export type AccountResult = { ok: true; message: string } | AdminFailure;

function invalid(error: z.ZodError, message = CHECK_FIELDS): AdminFailure {
  return { ok: false, message, fieldErrors: fieldErrorsFromZod(error) };
}

/** A refusal from lib/ (duplicate email, self-demotion…) as a form failure; anything else is a bug and throws. */
async function refusalOf<T>(work: () => Promise<T>): Promise<T | AdminFailure> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error.details };
    throw error;
  }
}

const partnerSchema = z.object({
  name: z.string().trim().min(1, "Enter the partner's name.").max(200, "Use at most 200 characters."),
});

export async function createPartnerAction(formData: FormData): Promise<CreatePartnerResult> {
  await requirePermission("admin:manage");
  const parsed = partnerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const partner = await createPartner(parsed.data.name);
  revalidatePath(PAGE);
  return {
    ok: true,
    partnerId: partner.partnerId,
    name: partner.name,
    publicKey: partner.apiKey.publicKey,
    secret: partner.apiKey.secret,
  };
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
  await requirePermission("admin:manage");
  const parsed = accountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { role, partnerId, ...account } = parsed.data;
  return refusalOf(async () => {
    await createUser({ ...account, role, partnerId: isPartnerRole(role) ? partnerId : null });
    revalidatePath(PAGE);
    return { ok: true as const, message: `Account created for ${account.email}.` };
  });
}

const roleSchema = z.object({ userId: z.string().min(1), ...rolePartnerFields }).superRefine(partnerFor);

export async function changeRoleAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  const parsed = roleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { userId, role, partnerId } = parsed.data;
  return refusalOf(async () => {
    await changeRole(admin, userId, role, isPartnerRole(role) ? (partnerId ?? null) : null);
    revalidatePath(PAGE);
    return { ok: true as const, message: "Role saved. It applies from the person's next page." };
  });
}

const statusSchema = z.object({ userId: z.string().min(1), disabled: z.enum(["true", "false"]) });

export async function setAccountDisabledAction(formData: FormData): Promise<AccountResult> {
  const admin = await requirePermission("admin:manage");
  const parsed = statusSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, "Choose an account.");
  const disabled = parsed.data.disabled === "true";
  return refusalOf(async () => {
    await setDisabled(admin, parsed.data.userId, disabled);
    revalidatePath(PAGE);
    return { ok: true as const, message: disabled ? "Account disabled." : "Account enabled." };
  });
}
