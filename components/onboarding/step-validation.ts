/**
 * The browser's validation of a wizard step: the step's section schema (the API's own, from
 * lib/onboarding/steps) through zodResolver. Loaded by step-form.tsx with import() when a form
 * first needs it, not with the page: Zod and the schemas are the largest part of the wizard's
 * JavaScript, and a page is usable (and its form filled in) before any of it runs. The messages
 * are the schemas' English, put into the page's language by the same translator as the server's
 * (lib/i18n/error-messages), which loads here too, so it costs the first page nothing.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { translateMessage } from "@/lib/i18n/error-messages";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { STEP_SCHEMAS } from "@/lib/onboarding/steps";
import type { FormStep } from "@/lib/onboarding/wizard-steps";

const resolvers = new Map<FormStep, Resolver<FieldValues>>();

/** Every message of a react-hook-form error tree, in `locale` (in place: the tree is the resolver's own). */
function translateErrors(errors: unknown, locale: Locale, seen = new Set<unknown>()): void {
  if (!errors || typeof errors !== "object" || seen.has(errors)) return;
  seen.add(errors);
  const node = errors as Record<string, unknown>;
  if (typeof node.message === "string") node.message = translateMessage(node.message, locale);
  for (const [key, value] of Object.entries(node)) {
    // A leaf's `ref` is its DOM element: nothing to translate there.
    if (key !== "ref" && key !== "message") translateErrors(value, locale, seen);
  }
}

function schemaResolver(step: FormStep): Resolver<FieldValues> {
  let resolver = resolvers.get(step);
  if (!resolver) {
    // The resolver's input and output types differ (the schema normalises); the form holds input.
    resolver = zodResolver(STEP_SCHEMAS[step]) as unknown as Resolver<FieldValues>;
    resolvers.set(step, resolver);
  }
  return resolver;
}

/** The step's resolver, its messages in `locale` (the page's, from next-intl). */
export function stepResolver(step: FormStep, locale: Locale): Resolver<FieldValues> {
  const resolver = schemaResolver(step);
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    if (locale !== DEFAULT_LOCALE) translateErrors(result.errors as FieldErrors, locale);
    return result;
  };
}
