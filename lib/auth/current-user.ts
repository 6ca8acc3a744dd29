import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import type { Locale } from "@/lib/i18n/locales";
import { can, type Action, type Actor } from "./permissions";
import { liveSessionOfRequest } from "./sessions";

export interface CurrentUser extends Actor {
  name: string;
  email: string;
  partnerName: string | null;
  locale: Locale | null;
}

/**
 * The signed-in person, loaded fresh from the database once per request; null when signed out,
 * when the session was ended on the server or is past its lifetime, or when the account is disabled.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const { id: userId, sessionId } = (session?.user ?? {}) as { id?: string; sessionId?: string };
  if (!userId || !sessionId) return null;
  return liveSessionOfRequest(sessionId, userId);
});

/** The signed-in person, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** The signed-in person if they may do `action`; otherwise the "not allowed" page. */
export async function requirePermission(action: Action): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, action)) redirect("/not-allowed");
  return user;
}
