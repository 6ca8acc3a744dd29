import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isLocale, LOCALE_COOKIE, type Locale } from "./locales";
import { localeFromAcceptLanguage } from "./negotiate";

/**
 * The language of this page request: the signed-in person's choice, else the choice this browser
 * made (the switcher's cookie, or a hosted link's `locale`), else the browser's `Accept-Language`.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser();
  if (user?.locale) return user.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});
