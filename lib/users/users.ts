import "server-only";
import { hashPassword, PASSWORD_MIN } from "@/lib/auth/passwords";
import { isPartnerRole, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  partnerId?: string | null;
}

function checkNewUser(user: NewUser): void {
  if (user.password.length < PASSWORD_MIN) {
    throw new AppError("validation_error", 400, `Passwords must be at least ${PASSWORD_MIN} characters.`, [
      { field: "password", code: "too_short", message: `Use at least ${PASSWORD_MIN} characters.` },
    ]);
  }
  if (isPartnerRole(user.role) !== Boolean(user.partnerId)) {
    throw new AppError("validation_error", 400, "Partner roles need a partner; other roles have none.", [
      { field: "partnerId", code: "invalid_format", message: "Partner roles need a partner; other roles have none." },
    ]);
  }
}

/** Creates a staff account, or updates the one with this email (used by the seed). */
export async function upsertUser(user: NewUser): Promise<string> {
  checkNewUser(user);
  const email = user.email.trim().toLowerCase();
  const data = {
    name: user.name.trim(),
    role: user.role,
    partnerId: user.partnerId ?? null,
    passwordHash: await hashPassword(user.password),
  };
  const saved = await db.user.upsert({ where: { email }, create: { id: newId("usr"), email, ...data }, update: data });
  return saved.id;
}
