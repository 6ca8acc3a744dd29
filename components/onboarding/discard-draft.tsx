"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { DiscardDraftAction } from "./draft-actions";

/**
 * "Discard draft", confirmed in a modal dialog (the browser's own <dialog>: focus moves into it,
 * Escape closes it, and the page behind is inert). Discarding deletes everything entered; the
 * drafts list is shown after.
 */
export function DiscardDraft({
  draftId,
  draftName,
  discardDraft,
  afterHref = "/onboarding",
  size = "sm",
  nameInLabel = false,
}: {
  draftId: string;
  /** How the dialog names the draft: the business's name, or "Unnamed business". */
  draftName: string;
  discardDraft: DiscardDraftAction;
  afterHref?: string;
  size?: ButtonProps["size"];
  /** Name the draft in the button's accessible name (where several drafts are listed). */
  nameInLabel?: boolean;
}) {
  const router = useRouter();
  const t = useTranslations("wizard.discard");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // The dialog's content exists only while it is open: no second copy of the draft's name on the page.
  const [open, setOpen] = useState(false);

  // Opened once its content is rendered, so that the browser moves focus to its first button.
  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  const close = () => {
    dialog.current?.close();
  };

  async function discard() {
    setPending(true);
    setMessage(null);
    try {
      const result = await discardDraft(draftId);
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      close();
      router.push(afterHref);
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        ref={opener}
        type="button"
        variant="ghost"
        size={size}
        className="text-red-700"
        aria-haspopup="dialog"
        aria-label={nameInLabel ? t("buttonNamed", { name: draftName }) : undefined}
        onClick={() => {
          setMessage(null);
          setOpen(true);
        }}
      >
        {t("button")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={open ? titleId : undefined}
        aria-describedby={open ? textId : undefined}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        {open ? (
          <>
            <h2 id={titleId} className="text-lg font-semibold">
              {t("title")}
            </h2>
            <p id={textId} className="mt-2 text-sm text-slate-700">
              {t.rich("body", { name: draftName, strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
            {message ? (
              <p role="alert" className="mt-3 text-sm font-medium text-red-700">
                {message}
              </p>
            ) : null}
            <div className="mt-6 flex flex-wrap justify-end gap-3">
              <Button type="button" variant="secondary" onClick={close}>
                {t("keep")}
              </Button>
              <Button type="button" variant="danger" pending={pending} onClick={() => void discard()}>
                {t("button")}
              </Button>
            </div>
          </>
        ) : null}
      </dialog>
    </>
  );
}
