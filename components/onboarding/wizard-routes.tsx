"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * Where the wizard's links, uploads and previews go. The staff wizard (the default) lives at
 * /onboarding/<draft>; the business's own wizard on a hosted onboarding link lives under /onboard,
 * where its session cookie is sent, and says so by wrapping its page in WizardRoutesProvider.
 */
export interface WizardRoutes {
  /** A step's page is `${base}/${step}`. */
  base: string;
  /** Where the first step's secondary button leads ("Back to drafts" unless labelled); none for the business. */
  exit: { href: string; label?: string } | null;
  /** Where a submitted draft goes; `leave` sends the browser there with a full page load. */
  afterSubmit: { href: string; leave: boolean };
  /** POST a document here; GET `${files}/${fileId}` shows it. */
  files: string;
  /** The partner_customer_id is fixed (the link's own): the company step does not ask for it. */
  partnerCustomerIdFixed: boolean;
}

const STAFF_FILES = "/api/portal/files";

export function staffWizardRoutes(draftId: string): WizardRoutes {
  return {
    base: `/onboarding/${draftId}`,
    exit: { href: "/onboarding" },
    afterSubmit: { href: `/onboarding/${draftId}/submitted`, leave: false },
    files: STAFF_FILES,
    partnerCustomerIdFixed: false,
  };
}

const Routes = createContext<WizardRoutes | null>(null);

export function WizardRoutesProvider({ routes, children }: { routes: WizardRoutes; children: ReactNode }) {
  return <Routes.Provider value={routes}>{children}</Routes.Provider>;
}

export function useWizardRoutes(draftId: string): WizardRoutes {
  return useContext(Routes) ?? staffWizardRoutes(draftId);
}

/** Where documents are uploaded and shown, for components that know no draft. */
export function useFileRoute(): string {
  return useContext(Routes)?.files ?? STAFF_FILES;
}
