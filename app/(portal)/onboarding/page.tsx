import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/current-user";
import { listOpenDrafts, OPEN_DRAFTS_SHOWN } from "@/lib/onboarding/drafts";
import { resumeStep, stepPosition } from "@/lib/onboarding/wizard-steps";
import { DiscardDraft } from "@/components/onboarding/discard-draft";
import { discardDraftAction, startDraftAction } from "./actions";
import { formatDateTime } from "@/lib/format-date";

export const metadata: Metadata = { title: "Onboarding" };

/** The list shows the 50 most recent drafts (listOpenDrafts): a full list may have more. */
function draftCount(shown: number): string {
  if (shown >= OPEN_DRAFTS_SHOWN) return `The ${shown} most recent drafts`;
  return shown === 1 ? "1 draft" : `${shown} drafts`;
}

export default async function OnboardingPage() {
  const user = await requirePermission("onboarding:use");
  const drafts = await listOpenDrafts(user);
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Onboarding</h1>
          <p className="mt-1 text-slate-600">Onboard a business customer. Your progress is saved at every step.</p>
        </div>
        <form action={startDraftAction}>
          <Button type="submit" variant="primary">
            Start a new onboarding
          </Button>
        </form>
      </div>

      <section aria-labelledby="drafts-title" className="mt-10">
        <h2 id="drafts-title" className="text-lg font-semibold">
          Drafts in progress
        </h2>
        <p className="mt-1 text-sm text-slate-600">{draftCount(drafts.length)}</p>
        {drafts.length === 0 ? (
          <EmptyState className="mt-3 rounded-lg border border-dashed border-slate-300" title="No drafts in progress">
            Start a new onboarding above: it is saved at every step, so you or a colleague can finish it later.
          </EmptyState>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {drafts.map((draft) => {
              const next = resumeStep(draft.completedSteps);
              const position = stepPosition(next);
              const details = draft.data.business_details as { business_name_english?: string } | undefined;
              const name = details?.business_name_english?.trim() || "Unnamed business";
              return (
                <li key={draft.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div>
                    <Link
                      href={`/onboarding/${draft.id}/${next}`}
                      className="font-medium text-blue-700 underline-offset-4 hover:underline"
                    >
                      {name}
                    </Link>
                    <p className="text-xs text-slate-500">
                      Next: step {position.number} of {position.of}, {position.title} · last edited by{" "}
                      {draft.updatedByName} on {formatDateTime(draft.updatedAt)} UTC
                    </p>
                  </div>
                  <DiscardDraft draftId={draft.id} draftName={name} discardDraft={discardDraftAction} nameInLabel />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
