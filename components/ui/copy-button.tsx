"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "./button";
import { CheckIcon } from "./icons";

type CopyState = "idle" | "copied" | "failed";

/** Copies `value` to the clipboard and says so (or says to copy it by hand) in a status region. */
export function CopyButton({ label, value }: { label: string; value: string }) {
  const t = useTranslations("common.copy");
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    window.clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
      timer.current = window.setTimeout(() => setState("idle"), 4000);
    } catch {
      // No clipboard access (an insecure origin, or permission refused): the field stays selectable.
      setState("failed");
    }
  }

  return (
    <div className="flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={() => void copy()}>
        {label}
      </Button>
      <span role="status" className="text-sm">
        {state === "copied" ? (
          <span className="inline-flex items-center gap-1 font-medium text-green-800">
            <CheckIcon className="size-4" />
            {t("copied")}
          </span>
        ) : state === "failed" ? (
          <span className="text-red-700">{t("failed")}</span>
        ) : null}
      </span>
    </div>
  );
}
