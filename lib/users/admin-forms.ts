/**
 * What the administration page's forms send, as Zod reads it: a new partner, a new account, a
 * role change and an account switched off or on. The refusals are message codes, like the API's.
 */
import { z } from "zod";
import { PASSWORD_MIN } from "@/lib/auth/passwords";
import { isPartnerRole, ROLES } from "@/lib/auth/roles";
import { zodMessage } from "@/lib/errors";

export const partnerForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, zodMessage("enterPartnerName"))
    .max(200, zodMessage("useAtMost", { max: 200 })),
});

/** Role and partner as a form sends them: the partner select only counts for partner roles. */
const rolePartnerFields = {
  role: z.enum(ROLES, zodMessage("chooseRole")),
  partnerId: z.string().trim().optional(),
};

function partnerForPartnerRoles<T extends { role: (typeof ROLES)[number]; partnerId?: string }>(
  values: T,
  ctx: z.RefinementCtx,
): void {
  if (isPartnerRole(values.role) && !values.partnerId) {
    ctx.addIssue({
      code: "custom",
      path: ["partnerId"],
      message: zodMessage("choosePartnerOfPerson"),
      params: { code: "required" },
    });
  }
}

export const accountForm = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, zodMessage("enterPersonName"))
      .max(200, zodMessage("useAtMost", { max: 200 })),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, zodMessage("useAtMost", { max: 254 }))
      .pipe(z.email(zodMessage("enterValidEmail"))),
    password: z
      .string()
      .min(PASSWORD_MIN, zodMessage("useAtLeast", { min: PASSWORD_MIN }))
      .max(256, zodMessage("useAtMost", { max: 256 })),
    ...rolePartnerFields,
  })
  .superRefine(partnerForPartnerRoles);

export const roleForm = z
  .object({ userId: z.string().min(1), ...rolePartnerFields })
  .superRefine(partnerForPartnerRoles);

export const accountStatusForm = z.object({ userId: z.string().min(1), disabled: z.enum(["true", "false"]) });
