import { redirect } from "next/navigation";
import { linkSessionOfRequest } from "@/lib/auth/link-session";

/**
 * The wizard's start: its first step (each step sends the business on to the next). An update
 * link goes to /onboard/session/done, which sends it to its first step due, or back to the partner.
 */
export default async function LinkSessionStart() {
  const session = await linkSessionOfRequest();
  redirect(session?.purpose === "update" ? "/onboard/session/done" : "/onboard/session/company");
}
