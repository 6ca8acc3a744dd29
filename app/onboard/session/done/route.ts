import { linkSessionOfRequest } from "@/lib/auth/link-session";

/**
 * Where the business lands after submitting: 303 to the partner's return_url (nothing appended;
 * the partner knows whom it sent). Before submitting, back to the review; with an ended session,
 * to refresh_url.
 */
export async function GET(request: Request): Promise<Response> {
  const session = await linkSessionOfRequest();
  const headers = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
  if (!session) return new Response("This onboarding session is not valid.", { status: 404, headers });
  const location =
    session.state === "submitted"
      ? session.returnUrl
      : session.state === "expired"
        ? session.refreshUrl
        : new URL("/onboard/session/review", request.url).pathname;
  return new Response(null, { status: 303, headers: { ...headers, Location: location } });
}
