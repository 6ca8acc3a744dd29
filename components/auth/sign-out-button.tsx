"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { postToNextAuth } from "./next-auth-endpoints";

const SIGNED_OUT_PAGE = "/sign-in";

/**
 * Signs out through next-auth's own endpoint, whose signOut event ends the session on the server
 * (lib/auth/auth-options.ts → endSession) and whose answer clears the cookie; without next-auth's
 * client code, which the header would otherwise carry to every portal page. Without JavaScript,
 * or if that fails, the form itself posts and next-auth asks to confirm on its own page.
 */
export function SignOutButton() {
  const t = useTranslations("common.header");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    try {
      const answer = await postToNextAuth("signout", { callbackUrl: SIGNED_OUT_PAGE });
      if (!answer.ok) throw new Error(answer.error ?? "Sign-out failed");
      // A full page load, as next-auth's client does: nothing of the signed-in pages stays cached.
      window.location.assign(new URL(SIGNED_OUT_PAGE, window.location.href));
    } catch {
      setPending(false);
      form.submit();
    }
  }

  return (
    <form method="post" action="/api/auth/signout" onSubmit={(event) => void onSubmit(event)}>
      <input type="hidden" name="callbackUrl" value={SIGNED_OUT_PAGE} />
      <Button type="submit" variant="ghost" size="sm" pending={pending}>
        {t("signOut")}
      </Button>
    </form>
  );
}
