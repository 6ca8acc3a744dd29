/**
 * The browser's validation of a wizard step: the step's section schema (the API's own, from
 * lib/onboarding/steps) through zodResolver. Loaded by step-form.tsx with import() when a form
 * first needs it, not with the page: Zod and the schemas are the largest part of the wizard's
 * JavaScript, and a page is usable (and its form filled in) before any of it runs. The schemas'
 * messages are message codes, said in the page's language by the server's own translator
 * (lib/i18n/error-text) from the `errors` catalog of that language, which loads here too (built
 * ready-made: no ICU parser), so it costs the first page nothing.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { AbstractIntlMessages } from "use-intl/core";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { messageOfZodText } from "@/lib/errors";
import { errorText, type ErrorText } from "@/lib/i18n/error-text";
import type { Locale } from "@/lib/i18n/locales";
import { STEP_SCHEMAS } from "@/lib/onboarding/steps";
import type { FormStep } from "@/lib/onboarding/wizard-steps";

const resolvers = new Map<FormStep, Resolver<FieldValues>>();
const translators = new Map<Locale, Promise<ErrorText>>();

function translator(locale: Locale): Promise<ErrorText> {
  let say = translators.get(locale);
  if (!say) {
    say = import(`../../messages/errors/${locale}.json`).then((catalog: { default: AbstractIntlMessages }) =>
      errorText(locale, catalog.default),
    );
    translators.set(locale, say);
  }
  return say;
}

/** Every message of a react-hook-form error tree said by `say` (in place: the tree is the resolver's own). */
function sayErrors(errors: unknown, say: ErrorText, seen = new Set<unknown>()): void {
  if (!errors || typeof errors !== "object" || seen.has(errors)) return;
  seen.add(errors);
  const node = errors as Record<string, unknown>;
  if (typeof node.message === "string") node.message = say(messageOfZodText(node.message));
  for (const [key, value] of Object.entries(node)) {
    // A leaf's `ref` is its DOM element: nothing to say there.
    if (key !== "ref" && key !== "message") sayErrors(value, say, seen);
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
    const [result, say] = await Promise.all([resolver(values, context, options), translator(locale)]);
    sayErrors(result.errors as FieldErrors, say);
    return result;
  };
}
