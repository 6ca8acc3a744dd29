/**
 * next-auth 4's own endpoints (/api/auth/*), called as its browser client calls them, without
 * shipping that client (next-auth/react, about 9 KB gzip): a CSRF token from /api/auth/csrf (a
 * double-submit cookie), then a form POST that asks for JSON instead of a redirect. The server
 * side (lib/auth/auth-options.ts) is unchanged: sign-in still goes through authorize(), sign-out
 * through the signOut event that ends the session, and next-auth sets and clears the cookie.
 */

const BASE = "/api/auth";

async function csrfToken(): Promise<string> {
  const response = await fetch(`${BASE}/csrf`, { cache: "no-store" });
  const body = (await response.json()) as { csrfToken?: unknown };
  if (!response.ok || typeof body.csrfToken !== "string") throw new Error("next-auth gave no CSRF token");
  return body.csrfToken;
}

export interface AuthAnswer {
  ok: boolean;
  /**
   * next-auth's `error` (a code such as `CredentialsSignin`, or the message authorize() threw);
   * null when it named none (an answer that was no next-auth answer).
   */
  error: string | null;
}

/** POSTs a form to next-auth, with its CSRF token, and reads its answer. */
export async function postToNextAuth(
  action: "signout" | "callback/credentials",
  fields: Record<string, string>,
): Promise<AuthAnswer> {
  const response = await fetch(`${BASE}/${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const body = (await response.json().catch(() => ({}))) as { url?: unknown };
  const error = typeof body.url === "string" ? new URL(body.url, window.location.href).searchParams.get("error") : null;
  return { ok: response.ok && error === null, error };
}
