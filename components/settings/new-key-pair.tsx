"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { describedBy, Field } from "@/components/ui/field";
import { SuccessIcon, WarningIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";

function ReadOnlyValue({ id, label, hint, value }: { id: string; label: string; hint: string; value: string }) {
  return (
    <Field id={id} label={label} hint={hint}>
      <Input
        id={id}
        readOnly
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={describedBy(id, { hint })}
        onFocus={(event) => event.currentTarget.select()}
        className="font-mono"
      />
    </Field>
  );
}

/**
 * A freshly created key pair, shown once. The secret lives only in the state of the component
 * that received it from the server action; closing the panel or leaving the page forgets it.
 */
export function NewKeyPairPanel({
  title,
  children,
  publicKey,
  secret,
  onDone,
}: {
  title: ReactNode;
  /** What the pair belongs to, shown under the title. */
  children?: ReactNode;
  publicKey: string;
  secret: string;
  onDone: () => void;
}) {
  const t = useTranslations("settings.newKeyPair");
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus lands on the panel, so that keyboard and screen-reader users meet the secret at once.
  useEffect(() => heading.current?.focus(), [publicKey]);

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-md border border-green-200 bg-green-50/60 p-4 text-sm text-slate-900 sm:p-5"
    >
      <div className="flex gap-3">
        <SuccessIcon className="size-5 text-green-700" />
        <div className="min-w-0 flex-1 space-y-4">
          <div>
            <h3 id={`${id}-title`} ref={heading} tabIndex={-1} className="font-semibold text-green-900 outline-none">
              {title}
            </h3>
            {children ? <div className="mt-1 text-slate-700">{children}</div> : null}
          </div>
          <p className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
            <WarningIcon className="mt-px size-4 text-amber-700" />
            <span>
              <strong className="font-semibold">{t("warning")}</strong> {t("warningMore")}
            </span>
          </p>
          <div className="grid gap-4">
            <div className="space-y-2">
              <ReadOnlyValue id={`${id}-key`} label={t("key")} hint={t("keyHint")} value={publicKey} />
              <CopyButton label={t("copyKey")} value={publicKey} />
            </div>
            <div className="space-y-2">
              <ReadOnlyValue id={`${id}-secret`} label={t("secret")} hint={t("secretHint")} value={secret} />
              <CopyButton label={t("copySecret")} value={secret} />
            </div>
          </div>
          <div className="border-t border-green-200 pt-4">
            <Button variant="primary" size="sm" onClick={onDone}>
              {t("done")}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
