/** Who may do what in the portal. Browser-safe: navigation reads it to show each role its sections. */
export const ROLES = ["partner_admin", "partner_user", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  partner_admin: "Partner admin",
  partner_user: "Partner user",
  reviewer: "Compliance reviewer",
  admin: "Administrator",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPartnerRole(role: Role): role is "partner_admin" | "partner_user" {
  return role === "partner_admin" || role === "partner_user";
}
