/**
 * The security headers of every page, built per request by proxy.ts. Kept free of server-only
 * modules (the proxy is bundled apart from the app) and of I/O, so it is tested as a function.
 */

export interface PageHeaderOptions {
  /** The public URL is https: HSTS is sent, and plain-http subresources are upgraded. */
  https: boolean;
  /** A fresh random value per request; Next puts it on its own scripts. */
  nonce: string;
  /** `next dev` evaluates code for Fast Refresh and talks to its server over a WebSocket. */
  dev: boolean;
}

/** Whether the portal is served over https, from the same variables as env.publicUrl. */
export function publicUrlIsHttps(environment: Record<string, string | undefined>): boolean {
  return isHttpsUrl(environment.PUBLIC_URL ?? environment.NEXTAUTH_URL ?? "");
}

/**
 * Whether a public URL is https: then session cookies are `Secure` with the `__Secure-`/`__Host-`
 * prefixes (next-auth's useSecureCookies) and HSTS is sent.
 */
export function isHttpsUrl(publicUrl: string): boolean {
  return publicUrl.toLowerCase().startsWith("https://");
}

export function contentSecurityPolicy({ https, nonce, dev }: PageHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    // Only scripts carrying this request's nonce, and what they load ('strict-dynamic'): an
    // injected <script> or inline handler never runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Tailwind's stylesheet is 'self'; 'unsafe-inline' stays because React renders style
    // attributes (the wizard's progress bar), which a nonce cannot cover, and style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Thumbnails of a chosen file are read locally (blob:/data:) before upload.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Browser features the portal never uses, turned off for it and anything it could embed. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/** Two years, the preload list's minimum being one. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function pageSecurityHeaders(options: PageHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** 128 random bits, base64: unguessable for the one response it is used in. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
