/**
 * The one place that answers "may this person do this (to that)". Every page, server action and
 * route asks it on the server; hiding a button is never the check.
 */
import { isPartnerRole, type Role } from "./roles";

/** The signed-in person, as loaded fresh from the database on every request. */
export interface Actor {
  userId: string;
  role: Role;
  /** The partner a partner role acts for; null for reviewers and admins. */
  partnerId: string | null;
}

export type Action =
  | "onboarding:use" // open the wizard and the partner's drafts
  | "customers:list" // see a customer list (own partner's, or all for reviewers)
  | "customers:list-all" // see every partner's customers: the review queue
  | "customers:decide" // approve, reject, suspend
  | "customers:request-information" // ask the partner to fix fields of a pending customer
  | "customers:update" // fix a pending customer's sections (own partner's only: canUpdateCustomer)
  | "identity:reveal" // reveal an ID number
  | "api-keys:manage"
  | "webhooks:manage" // webhook endpoints, their secrets and delivery log, of the actor's own partner
  | "admin:manage"
  | "audit:see-staff-names"; // see which AxisFI person did something (partner staff see "AxisFI compliance")

const ALLOWED: Record<Action, readonly Role[]> = {
  "onboarding:use": ["partner_admin", "partner_user"],
  "customers:list": ["partner_admin", "partner_user", "reviewer"],
  "customers:list-all": ["reviewer"],
  "customers:decide": ["reviewer"],
  "customers:request-information": ["reviewer"],
  "customers:update": ["partner_admin", "partner_user"],
  "identity:reveal": ["reviewer"],
  "api-keys:manage": ["partner_admin"],
  "webhooks:manage": ["partner_admin"],
  "admin:manage": ["admin"],
  "audit:see-staff-names": ["reviewer", "admin"],
};

export function can(actor: Actor, action: Action): boolean {
  if (!ALLOWED[action].includes(actor.role)) return false;
  // A partner role without a partner (a broken account) may do nothing for any partner.
  return !isPartnerRole(actor.role) || actor.partnerId !== null;
}

/** Whether the actor may see (and, for partner roles, work on) something that belongs to `partnerId`. */
export function canAccessPartnerRecord(actor: Actor, partnerId: string): boolean {
  if (can(actor, "customers:list-all")) return true;
  return isPartnerRole(actor.role) && actor.partnerId === partnerId;
}

/** Whether the actor may edit a draft of `partnerId`: only that partner's staff. */
export function canEditDraft(actor: Actor, partnerId: string): boolean {
  return can(actor, "onboarding:use") && actor.partnerId === partnerId;
}

/** Whether the actor may fix the sections of a customer of `partnerId`: only that partner's staff. */
export function canUpdateCustomer(actor: Actor, partnerId: string): boolean {
  return can(actor, "customers:update") && actor.partnerId === partnerId;
}
