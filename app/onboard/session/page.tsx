import { redirect } from "next/navigation";

/** The wizard's start: its first step (each step sends the business on to the next). */
export default function LinkSessionStart() {
  redirect("/onboard/session/company");
}
