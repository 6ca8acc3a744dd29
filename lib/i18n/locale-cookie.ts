import { publicUrlIsHttps } from "@/lib/security/headers";
import { LOCALE_COOKIE, type Locale } from "./locales";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export interface LocaleCookie {
  name: typeof LOCALE_COOKIE;
  value: Locale;
  path: "/";
  /** Absent: the cookie ends with the browser session. */
  maxAge?: number;
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
}

/**
 * The browser's language cookie, built in one place. A choice made with the switcher is kept a
 * year; the language a hosted link was made with lasts the browser session only, so that a
 * partner's staff member trying a link in their own browser does not keep the business's language.
 */
export function localeCookie(locale: Locale, kept: "chosen" | "for-this-session"): LocaleCookie {
  return {
    name: LOCALE_COOKIE,
    value: locale,
    path: "/",
    ...(kept === "chosen" ? { maxAge: ONE_YEAR_SECONDS } : {}),
    httpOnly: true,
    sameSite: "lax",
    secure: publicUrlIsHttps(process.env),
  };
}

/** The cookie as a Set-Cookie header value, for a route that answers with a Response of its own. */
export function setCookieHeader(cookie: LocaleCookie): string {
  return [
    `${cookie.name}=${cookie.value}`,
    `Path=${cookie.path}`,
    ...(cookie.maxAge === undefined ? [] : [`Max-Age=${cookie.maxAge}`]),
    "HttpOnly",
    "SameSite=Lax",
    ...(cookie.secure ? ["Secure"] : []),
  ].join("; ");
}
