import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { upsertUser } from "@/lib/users/users";

/** A person's account as the actor of what lib/ does for them. */
export type StaffActor = Actor & { name: string; email: string };
export type Reviewer = StaffActor;

let accountCount = 0;

/**
 * A new account of this test file with `role` (at `partnerId` for partner staff); its `tag`, the
 * process id and a count keep it apart from other files' and runs' accounts.
 */
export async function newAccount(tag: string, role: Role, partnerId: string | null = null): Promise<StaffActor> {
  accountCount += 1;
  const email = `${tag}-${role}-${process.pid}-${accountCount}@example.com`;
  const name = `${tag} ${role} ${accountCount}`;
  const userId = await upsertUser({ email, name, password: "a long enough password", role, partnerId });
  return { userId, role, partnerId, name, email };
}

/**
 * A compliance reviewer account of this test file (its `tag` and the process id keep it apart
 * from other files' and runs'), as the actor of decisions and requests for information.
 */
export async function newReviewer(tag: string, name: string): Promise<Reviewer> {
  const email = `${tag}-reviewer-${process.pid}@example.com`;
  const userId = await upsertUser({ email, name, password: "a long enough password", role: "reviewer" });
  return { userId, role: "reviewer", partnerId: null, name, email };
}
