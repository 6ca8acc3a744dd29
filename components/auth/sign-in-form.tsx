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
      // lib/auth/sign-in.ts's refusals arrive in the reader's language (auth-options.ts words them);
      // next-auth's own generic code does not.
      setError(refusal === "CredentialsSignin" ? t("incorrect") : refusal);
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
