"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { FormFailure } from "@/lib/forms/form-failure";
import { NewKeyPairPanel } from "./new-key-pair";

interface KeyPair {
  publicKey: string;
  secret: string;
}

/** A new pair for the signed-in admin's own partner, secret included: the only time the secret leaves the server. */
export type CreateApiKeyAction = () => Promise<({ ok: true } & KeyPair) | FormFailure>;

/** The key pairs card: its "Create API key" button, the new pair (once), then the list it is given. */
export function ApiKeyCreator({
  partnerName,
  createApiKey,
  children,
}: {
  partnerName: string;
  createApiKey: CreateApiKeyAction;
  children: ReactNode;
}) {
  const t = useTranslations("settings.apiKeys");
  const [created, setCreated] = useState<KeyPair | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function create() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await createApiKey();
        if (result.ok) setCreated({ publicKey: result.publicKey, secret: result.secret });
        else setError(result.message);
      } catch {
        setError(t("createFailed"));
      }
    });
  }

  return (
    <Card>
      <CardHeader
        title={t("cardTitle")}
        description={t("cardDescription", { partner: partnerName })}
        actions={
          <Button variant="primary" onClick={create} pending={pending} disabled={!hydrated}>
            {t("create")}
          </Button>
        }
      />
      {error || created ? (
        <CardBody className="space-y-4 border-b border-slate-200">
          {error ? (
            <Alert tone="error" title={t("createErrorTitle")}>
              {error}
            </Alert>
          ) : null}
          {created ? (
            <NewKeyPairPanel
              title={t("created")}
              publicKey={created.publicKey}
              secret={created.secret}
              onDone={() => setCreated(null)}
            />
          ) : null}
        </CardBody>
      ) : null}
      {children}
    </Card>
  );
}
