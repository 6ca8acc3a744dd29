import type { Actor } from "@/lib/auth/permissions";
import { upsertUser } from "@/lib/users/users";

export type Reviewer = Actor & { name: string; email: string };

/**
 * A compliance reviewer account of this test file (its `tag` and the process id keep it apart
 * from other files' and runs'), as the actor of decisions and requests for information.
 */
export async function newReviewer(tag: string, name: string): Promise<Reviewer> {
  const email = `${tag}-reviewer-${process.pid}@example.com`;
  const userId = await upsertUser({ email, name, password: "a long enough password", role: "reviewer" });
  return { userId, role: "reviewer", partnerId: null, name, email };
}
