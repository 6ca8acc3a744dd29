import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageSecurityHeaders, publicUrlIsHttps } from "@/lib/security/headers";

/**
 * Every response Next renders gets a fresh script nonce and the security headers (CSP,
 * Permissions-Policy, HSTS on https). Next reads the nonce from the request's
 * Content-Security-Policy header and puts it on its own scripts, which is why pages are rendered
 * per request (see app/layout.tsx). The partner API is answered before Next and never gets here.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const headers = pageSecurityHeaders({
    // server/main.ts sets NEXTAUTH_URL from env.publicUrl before Next starts.
    https: publicUrlIsHttps(process.env),
    nonce,
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages need the nonce; build output (hashed, immutable files) does not, and neither do the
  // JSON and document routes under /api. Those must not pass through here at all: Next copies the
  // body of every request the proxy sees, up to proxyClientMaxBodySize, and cuts it there, which
  // would turn a 10 MB upload into a truncated one and let any client make the server buffer it.
  // The same holds for the business's uploads on an onboarding link (app/onboard/files).
  matcher: ["/((?!api/|onboard/files|_next/static|_next/image|favicon.ico).*)"],
};
