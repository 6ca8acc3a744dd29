"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";

/** A click that would make the browser (or Next's router) leave this page for another one. */
function leavingLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null; // a new tab or window
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download"))
    return null;
  const to = new URL(link.href, window.location.href);
  const here = new URL(window.location.href);
  return to.origin === here.origin && to.pathname === here.pathname && to.search === here.search ? null : link;
}

/**
 * Asks before a step with unsaved typing is left: the browser's own prompt for a reload, a typed
 * address or closing the tab (beforeunload), and a confirm for any link on the page (the form's
 * Back, the progress steps, the navigation). The step counts as changed from its first input
 * until the form is submitted (a save that is refused is re-armed by the next keystroke).
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  const dirty = useRef(false);
  // The confirm's question, in the reader's language ("This step has changes that are not saved. …").
  const leaveUnsaved = useTranslations("wizard.form")("leaveUnsaved");

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const markDirty = (event: Event) => {
      if ((event.target as Element | null)?.closest?.("form")) dirty.current = true;
    };
    const markSaved = () => {
      dirty.current = false;
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    // Capture, at the document: before Next's <Link> (React listens at its root) starts navigating.
    const click = (event: MouseEvent) => {
      if (!dirty.current || !leavingLink(event)) return;
      if (window.confirm(leaveUnsaved)) {
        dirty.current = false;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    element.addEventListener("input", markDirty);
    element.addEventListener("change", markDirty);
    element.addEventListener("submit", markSaved);
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      element.removeEventListener("input", markDirty);
      element.removeEventListener("change", markDirty);
      element.removeEventListener("submit", markSaved);
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [leaveUnsaved]);

  return <div ref={container}>{children}</div>;
}
