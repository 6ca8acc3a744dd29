/**
 * Where the review step leaves the server's field errors for the step that shows them. A module of
 * its own, so the review step's submit button loads none of the step forms' code.
 */
export function pendingErrorsKey(draftId: string): string {
  return `axisfi:onboarding:${draftId}:errors`;
}
