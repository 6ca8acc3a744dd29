import { can, type Actor } from "./permissions";

export interface NavigationItem {
  href: string;
  label: string;
}

/** The sections a person sees: only those the permissions module lets them use. */
export function navigationFor(actor: Actor): NavigationItem[] {
  const items: NavigationItem[] = [{ href: "/", label: "Home" }];
  if (can(actor, "onboarding:use")) items.push({ href: "/onboarding", label: "Onboarding" });
  if (can(actor, "customers:list")) {
    items.push({ href: "/customers", label: can(actor, "customers:list-all") ? "Review queue" : "Customers" });
  }
  if (can(actor, "api-keys:manage")) items.push({ href: "/settings/api-keys", label: "API keys" });
  if (can(actor, "webhooks:manage")) items.push({ href: "/settings/webhooks", label: "Webhooks" });
  if (can(actor, "admin:manage")) items.push({ href: "/admin", label: "Administration" });
  items.push({ href: "/docs/api", label: "API reference" });
  return items;
}
