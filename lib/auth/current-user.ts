import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { authOptions } from "./auth-options";
import { can, type Action, type Actor } from "./permissions";
import { isRole } from "./roles";

export interface CurrentUser extends Actor {
  name: string;
  email: string;
  partnerName: string | null;
}

/** The signed-in person, loaded fresh from the database once per request; null when signed out or disabled. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const { id: userId, signedInAt } = (session?.user ?? {}) as { id?: string; signedInAt?: number };
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, include: { partner: { select: { name: true } } } });
  if (!user || user.disabledAt || !isRole(user.role)) return null;
  if (user.sessionsValidAfter && (signedInAt ?? 0) < user.sessionsValidAfter.getTime()) return null;
  return {
    userId: user.id,
    role: user.role,
    partnerId: user.partnerId,
    name: user.name,
    email: user.email,
    partnerName: user.partner?.name ?? null,
  };
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
