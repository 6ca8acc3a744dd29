"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { describedBy, Field } from "@/components/ui/field";
import { SuccessIcon, WarningIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";

/**
 * A webhook signing secret, shown once (on create or rotation). It lives only in the state of the
 * component that received it from the server action; closing the panel forgets it.
 */
export function WebhookSecretPanel({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  const t = useTranslations("settings.webhooks");
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [secret]);
  const hint = t("secretHint");

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-md border border-green-200 bg-green-50/60 p-4 text-sm text-slate-900 sm:p-5"
    >
      <div className="flex gap-3">
        <SuccessIcon className="size-5 text-green-700" />
        <div className="min-w-0 flex-1 space-y-4">
          <h3 id={`${id}-title`} ref={heading} tabIndex={-1} className="font-semibold text-green-900 outline-none">
            {title}
          </h3>
          <p className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
            <WarningIcon className="mt-px size-4 text-amber-700" />
            <strong className="font-semibold">{t("secretWarning")}</strong>
          </p>
          <Field id={`${id}-secret`} label={t("secretLabel")} hint={hint}>
            <Input
              id={`${id}-secret`}
              readOnly
              value={secret}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={describedBy(`${id}-secret`, { hint })}
              onFocus={(event) => event.currentTarget.select()}
              className="font-mono"
            />
          </Field>
          <CopyButton label={t("copySecret")} value={secret} />
          <div className="border-t border-green-200 pt-4">
            <Button variant="primary" size="sm" onClick={onDone}>
              {t("secretDone")}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
