import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { findLinkSession, type LinkSession } from "@/lib/onboarding-links/links";
import { publicUrlIsHttps } from "@/lib/security/headers";

/**
 * The business's session on a hosted onboarding link. It is not a staff session: nothing but the
 * pages and uploads under /onboard reads this cookie, and the browser sends it nowhere else.
 */
export const LINK_SESSION_COOKIE = "axisfi_onboarding_link";
export const LINK_SESSION_PATH = "/onboard";

/** The cookie that carries a link session's secret (only its keyed hash is stored). */
export function linkSessionCookie(secret: string, expires: Date) {
  return {
    name: LINK_SESSION_COOKIE,
    value: secret,
    httpOnly: true,
    secure: publicUrlIsHttps(process.env),
    sameSite: "lax" as const,
    path: LINK_SESSION_PATH,
    expires,
  };
}

/** The link session of this request, in whatever state it is; null without a valid cookie. */
export const linkSessionOfRequest = cache(async (): Promise<LinkSession | null> => {
  const secret = (await cookies()).get(LINK_SESSION_COOKIE)?.value;
  return findLinkSession(secret);
});
