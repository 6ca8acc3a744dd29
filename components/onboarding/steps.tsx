"use client";

/**
 * The wizard's five step forms. Each is a module of its own, loaded with next/dynamic: a step's
 * page loads its own form (server-rendered, its script preloaded), never the other four. The
 * forms' validation code loads when a form first needs it (step-form.tsx).
 */
import dynamic from "next/dynamic";

export { EMPTY_PERSON } from "./empty-person";
export type { PickerLists } from "./step-parts";

export const CompanyStep = dynamic(() => import("./company-step").then((module) => module.CompanyStep));
export const AddressStep = dynamic(() => import("./address-step").then((module) => module.AddressStep));
export const UsageStep = dynamic(() => import("./usage-step").then((module) => module.UsageStep));
export const ContactStep = dynamic(() => import("./contact-step").then((module) => module.ContactStep));
export const RepresentativesStep = dynamic(() =>
  import("./representatives-step").then((module) => module.RepresentativesStep),
);
