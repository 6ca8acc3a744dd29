"use server";

import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { localeCookie } from "@/lib/i18n/locale-cookie";
import { isLocale } from "@/lib/i18n/locales";
import { setPreferredLocale } from "@/lib/users/users";

/**
 * The language switcher's action: remembered by this browser (cookie) and, for a signed-in
 * person, on their account, so that it follows them to another browser. Next re-renders the page
 * in the new language in place; what is typed in a form stays.
 */
export async function chooseLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie(locale, "chosen"));
  const user = await getCurrentUser();
  if (user) await setPreferredLocale(user.userId, locale);
}
