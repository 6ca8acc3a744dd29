"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { DraftVersionAction } from "./draft-actions";

/**
 * A wizard page can be shown from a cache: the router's (Back and Forward), the browser's
 * back/forward cache, or a tab left open while the draft was saved elsewhere. Each time the page
 * is shown, this asks for the draft's version as stored now and, when it is newer than the one
 * rendered, fetches the page again (the page keys its form by version, so the form shows it).
 */
export function DraftFreshness({
  draftId,
  version,
  currentVersion,
}: {
  draftId: string;
  version: number;
  currentVersion: DraftVersionAction;
}) {
  const router = useRouter();
  const shown = useRef(version);
  useEffect(() => {
    shown.current = version;
  }, [version]);

  useEffect(() => {
    let active = true;
    const check = async () => {
      const result = await currentVersion(draftId);
      if (active && result.ok && result.version > shown.current) router.refresh();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void check();
    };
    void check();
    window.addEventListener("pageshow", onPageShow);
    return () => {
      active = false;
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [draftId, currentVersion, router]);

  return null;
}
