"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** lib/auth/sign-in.ts's refusal when sign-ins are throttled, as next-auth hands it over (English). */
const THROTTLED = /^Too many failed sign-in attempts\. Try again in (\d+) minutes?\.$/;

/** Email and password, sent with next-auth's client (this page is no wizard step: its weight is not budgeted). */
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
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      const throttled = THROTTLED.exec(result?.error ?? "");
      if (throttled) setError(t("throttled", { minutes: Number(throttled[1]) }));
      else setError(result?.error && result.error !== "CredentialsSignin" ? result.error : t("incorrect"));
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
