/**
 * Who may do what in the portal. Browser-safe: navigation reads it to show each role its sections.
 * Each role's name, in every language, is in the `common` catalog (`roles.<code>`).
 */
export const ROLES = ["partner_admin", "partner_user", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPartnerRole(role: Role): role is "partner_admin" | "partner_user" {
  return role === "partner_admin" || role === "partner_user";
}
