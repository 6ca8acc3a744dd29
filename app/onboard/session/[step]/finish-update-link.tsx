"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormFailure } from "@/lib/forms/form-failure";

/**
 * "Done" on an update link: the link is submitted, then a full page load of `href` sends the
 * browser on to the partner's return_url (a form post could not: the pages' CSP allows forms to
 * go to this site only).
 */
export function FinishUpdateLink({
  finish,
  href,
  label,
}: {
  finish: () => Promise<{ ok: true } | FormFailure>;
  href: string;
  label: string;
}) {
  const t = useTranslations("onboardingPages.hosted");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function onClick() {
    setPending(true);
    setMessage(null);
    const result = await finish();
    if (result.ok) {
      window.location.assign(href);
      return;
    }
    setPending(false);
    setMessage(result.message);
  }
  return (
    <div className="mt-3 space-y-3">
      {message ? (
        <Alert tone="error" title={t("notFinished")}>
          {message}
        </Alert>
      ) : null}
      <Button type="button" variant="secondary" pending={pending} onClick={() => void onClick()}>
        {label}
      </Button>
    </div>
  );
}
