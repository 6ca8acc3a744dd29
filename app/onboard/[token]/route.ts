import { linkSessionCookie } from "@/lib/auth/link-session";
import { AppError } from "@/lib/errors";
import { openOnboardingLink } from "@/lib/onboarding-links/links";

function noStore(status: number, headers: Record<string, string>, body: string | null = null): Response {
  return new Response(body, {
    status,
    headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", ...headers },
  });
}

/**
 * The business opens the link it was given: the token is spent (single use) and a session cookie
 * for that one form is set, then the wizard's first step (for an update link, its first step due). An expired or already used link sends
 * the business to the partner's refresh_url, where a new one is made.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  try {
    const opened = await openOnboardingLink(token);
    if (opened.outcome === "refused") return noStore(303, { Location: opened.refreshUrl });
    const cookie = linkSessionCookie(opened.sessionSecret, opened.sessionExpiresAt);
    const attributes = [
      `${cookie.name}=${cookie.value}`,
      `Path=${cookie.path}`,
      `Expires=${cookie.expires.toUTCString()}`,
      "HttpOnly",
      "SameSite=Lax",
      ...(cookie.secure ? ["Secure"] : []),
    ];
    // An update link starts at its first step due (the session's start page finds it).
    const location = opened.purpose === "update" ? "/onboard/session" : "/onboard/session/company";
    return noStore(303, { Location: location, "Set-Cookie": attributes.join("; ") });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      return noStore(404, { "Content-Type": "text/plain; charset=utf-8" }, "This onboarding link is not valid.");
    }
    throw error;
  }
}
