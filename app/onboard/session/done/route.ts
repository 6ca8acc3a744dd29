import { getTranslations } from "next-intl/server";
import { linkSessionOfRequest } from "@/lib/auth/link-session";
import { nextOnUpdateLink } from "@/lib/onboarding-links/links";

const HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { ...HEADERS, Location: location } });
}

/**
 * Where the business lands after submitting: 303 to the partner's return_url (nothing appended;
 * the partner knows whom it sent). Before submitting, back to the review; with an ended session,
 * to refresh_url. On an update link, after each saved step: the next step still due, or, with
 * nothing due any more, the link is submitted and the business goes to return_url.
 */
export async function GET(request: Request): Promise<Response> {
  const session = await linkSessionOfRequest();
  if (!session) {
    const t = await getTranslations("onboardingPages.hosted");
    return new Response(t("sessionInvalid"), {
      status: 404,
      headers: { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  if (session.state === "submitted") return seeOther(session.returnUrl);
  if (session.state === "expired") return seeOther(session.refreshUrl);
  if (session.purpose === "update") {
    const next = await nextOnUpdateLink(session);
    return seeOther("step" in next ? `/onboard/session/${next.step}` : next.returnUrl);
  }
  return seeOther(new URL("/onboard/session/review", request.url).pathname);
}
