import type { AbstractIntlMessages } from "next-intl";

/** The portal's catalogs, one per area: `messages/<namespace>/<locale>.json`. */
export const NAMESPACES = [
  "common",
  "signIn",
  "fields",
  "wizard",
  "onboardingPages",
  "backOffice",
  "settings",
  "errors",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/**
 * What a part of the portal hands its client components: only the catalogs they read, so a page
 * carries no other area's text (the wizard's are counted in its page weight).
 */
export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly Namespace[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((namespace) => namespace in messages).map((n) => [n, messages[n]]));
}

/** The catalogs each part of the portal's client components read. */
export const CLIENT_NAMESPACES = {
  everywhere: ["common"],
  wizard: ["common", "fields", "wizard", "onboardingPages"],
  backOffice: ["common", "fields", "backOffice"],
  settings: ["common", "settings"],
  signIn: ["common", "signIn"],
} as const satisfies Record<string, readonly Namespace[]>;
