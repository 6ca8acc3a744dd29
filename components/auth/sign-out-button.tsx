"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

const SIGN_OUT = "/api/auth/signout";
const SIGNED_OUT_PAGE = "/sign-in";

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  const body = (await response.json()) as { csrfToken?: unknown };
  if (!response.ok || typeof body.csrfToken !== "string") throw new Error("No CSRF token");
  return body.csrfToken;
}

/**
 * Signs out through next-auth's own endpoint, whose signOut event ends the session on the server
 * (lib/auth/auth-options.ts → endSession) and whose answer clears the cookie; done by hand, as
 * next-auth's client does it (CSRF token from /api/auth/csrf, then a form POST), so that no
 * next-auth client code ships with the header on every portal page (about 9 KB gzip). Without
 * JavaScript, or if that fails, the form itself posts and next-auth asks to confirm on its own page.
 */
export function SignOutButton() {
  const t = useTranslations("common.header");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    try {
      const response = await fetch(SIGN_OUT, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl: SIGNED_OUT_PAGE, json: "true" }),
      });
      if (!response.ok) throw new Error(`Sign-out answered ${response.status}`);
      // A full page load, as next-auth's client does: nothing of the signed-in pages stays cached.
      window.location.assign(new URL(SIGNED_OUT_PAGE, window.location.href));
    } catch {
      setPending(false);
      form.submit();
    }
  }

  return (
    <form method="post" action={SIGN_OUT} onSubmit={(event) => void onSubmit(event)}>
      <input type="hidden" name="callbackUrl" value={SIGNED_OUT_PAGE} />
      <Button type="submit" variant="ghost" size="sm" pending={pending}>
        {t("signOut")}
      </Button>
    </form>
  );
}
