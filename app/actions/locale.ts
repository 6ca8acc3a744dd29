"use server";

import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { publicUrlIsHttps } from "@/lib/security/headers";
import { setPreferredLocale } from "@/lib/users/users";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switcher's action: remembered by this browser (cookie) and, for a signed-in
 * person, on their account, so that it follows them to another browser. Next re-renders the page
 * in the new language in place; what is typed in a form stays.
 */
export async function chooseLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: publicUrlIsHttps(process.env),
  });
  const user = await getCurrentUser();
  if (user) await setPreferredLocale(user.userId, locale);
}
