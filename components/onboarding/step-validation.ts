/**
 * The browser's validation of a wizard step: the step's section schema (the API's own, from
 * lib/onboarding/steps) through zodResolver. Loaded by step-form.tsx with import() when a form
 * first needs it, not with the page: Zod and the schemas are the largest part of the wizard's
 * JavaScript, and a page is usable (and its form filled in) before any of it runs.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import { STEP_SCHEMAS } from "@/lib/onboarding/steps";
import type { FormStep } from "@/lib/onboarding/wizard-steps";

const resolvers = new Map<FormStep, Resolver<FieldValues>>();

export function stepResolver(step: FormStep): Resolver<FieldValues> {
  let resolver = resolvers.get(step);
  if (!resolver) {
    // The resolver's input and output types differ (the schema normalises); the form holds input.
    resolver = zodResolver(STEP_SCHEMAS[step]) as unknown as Resolver<FieldValues>;
    resolvers.set(step, resolver);
  }
  return resolver;
}
