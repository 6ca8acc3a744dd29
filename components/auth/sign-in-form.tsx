"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { postToNextAuth } from "./next-auth-endpoints";

/**
 * lib/auth/sign-in.ts's refusals as next-auth hands them over (English: its authorize() can only
 * pass a message), read back into the reader's language.
 */
const WRONG_CREDENTIALS = "Email or password is incorrect.";
const THROTTLED = /^Too many failed sign-in attempts\. Try again in (\d+) minutes?\.$/;

/** Email and password, checked by next-auth's credentials provider (lib/auth/auth-options.ts). */
export function SignInForm() {
  const t = useTranslations("signIn.form");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await postToNextAuth("callback/credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      callbackUrl: "/",
    }).catch(() => null);
    if (!result?.ok) {
      setPending(false);
      const refusal = result?.error;
      if (!refusal) return setError(t("failed"));
      const throttled = THROTTLED.exec(refusal);
      if (throttled) setError(t("throttled", { minutes: Number(throttled[1]) }));
      else setError(refusal === "CredentialsSignin" || refusal === WRONG_CREDENTIALS ? t("incorrect") : refusal);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      {error ? (
        <Alert tone="error" title={t("errorTitle")}>
          {error}
        </Alert>
      ) : null}
      <Field id="email" label={t("email")}>
        <Input id="email" name="email" type="email" autoComplete="username" required aria-required="true" />
      </Field>
      <Field id="password" label={t("password")}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-required="true"
        />
      </Field>
      <Button type="submit" variant="primary" className="w-full" pending={pending} disabled={!hydrated}>
        {t("submit")}
      </Button>
    </form>
  );
}
