import "server-only";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";

/**
 * The pages' door: a refusal from lib/ becomes what a browser expects of a page. Not found (and
 * another partner's record, which lib/ answers the same way) is the 404 page; not allowed is the
 * "not allowed" page; signed out is the sign-in page. Anything else is a bug and is rethrown.
 */
export function pageErrorOf(error: unknown): never {
  if (error instanceof AppError) {
    if (error.status === 404) notFound();
    if (error.status === 403) redirect("/not-allowed");
    if (error.status === 401) redirect("/sign-in");
  }
  throw error;
}

/** Runs page work from lib/, turning its refusals into the page that says so. */
export async function forPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    pageErrorOf(error);
  }
}
