import { getTranslations } from "next-intl/server";
import { linkSessionCookie } from "@/lib/auth/link-session";
import { AppError } from "@/lib/errors";
import { localeCookie, setCookieHeader } from "@/lib/i18n/locale-cookie";
import { supportedLocaleOf } from "@/lib/i18n/negotiate";
import { openOnboardingLink } from "@/lib/onboarding-links/links";

function noStore(status: number, headers: HeadersInit, body: string | null = null): Response {
  const all = new Headers(headers);
  all.set("Cache-Control", "no-store");
  all.set("Referrer-Policy", "no-referrer");
  return new Response(body, { status, headers: all });
}

/**
 * The business opens the link it was given: the token is spent (single use) and a session cookie
 * for that one form is set, then the wizard's first step (for an update link, its first step due). An expired or already used link sends
 * the business to the partner's refresh_url, where a new one is made. A link made with a `locale`
 * in a language we have sets this browser's language for its session (the switcher's cookie), so
 * the wizard opens in the business's language; the switcher still changes it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  try {
    const opened = await openOnboardingLink(token);
    if (opened.outcome === "refused") return noStore(303, { Location: opened.refreshUrl });
    const cookie = linkSessionCookie(opened.sessionSecret, opened.sessionExpiresAt);
    const secure = cookie.secure ? ["Secure"] : [];
    const attributes = [
      `${cookie.name}=${cookie.value}`,
      `Path=${cookie.path}`,
      `Expires=${cookie.expires.toUTCString()}`,
      "HttpOnly",
      "SameSite=Lax",
      ...secure,
    ];
    // An update link starts at its first step due (the session's start page finds it).
    const location = opened.purpose === "update" ? "/onboard/session" : "/onboard/session/company";
    const headers = new Headers({ Location: location });
    headers.append("Set-Cookie", attributes.join("; "));
    // A language we have sets this browser's language for its session; any other leaves the
    // browser's own Accept-Language to choose.
    const locale = opened.locale ? supportedLocaleOf(opened.locale) : null;
    if (locale) headers.append("Set-Cookie", setCookieHeader(localeCookie(locale, "for-this-session")));
    return noStore(303, headers);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      const t = await getTranslations("onboardingPages.hosted");
      return noStore(404, { "Content-Type": "text/plain; charset=utf-8" }, t("linkInvalid"));
    }
    throw error;
  }
}
