import { can, type Actor } from "./permissions";

/** A section of the portal; its name, in every language, is `common.nav.<section>`. */
export type NavigationSection =
  "home" | "onboarding" | "reviewQueue" | "customers" | "apiKeys" | "webhooks" | "administration" | "apiReference";

export interface NavigationItem {
  href: string;
  section: NavigationSection;
}

/** The sections a person sees: only those the permissions module lets them use. */
export function navigationFor(actor: Actor): NavigationItem[] {
  const items: NavigationItem[] = [{ href: "/", section: "home" }];
  if (can(actor, "onboarding:use")) items.push({ href: "/onboarding", section: "onboarding" });
  if (can(actor, "customers:list")) {
    items.push({ href: "/customers", section: can(actor, "customers:list-all") ? "reviewQueue" : "customers" });
  }
  if (can(actor, "api-keys:manage")) items.push({ href: "/settings/api-keys", section: "apiKeys" });
  if (can(actor, "webhooks:manage")) items.push({ href: "/settings/webhooks", section: "webhooks" });
  if (can(actor, "admin:manage")) items.push({ href: "/admin", section: "administration" });
  items.push({ href: "/docs/api", section: "apiReference" });
  return items;
}
