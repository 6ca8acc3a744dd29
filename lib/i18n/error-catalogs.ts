import "server-only";
import type { AbstractIntlMessages } from "use-intl/core";
import type { FieldError, FieldErrorText, Message } from "@/lib/errors";
import english from "@/messages/errors/en.json";
import chinese from "@/messages/errors/zh-CN.json";
import { errorText, fieldErrorTexts, type ErrorText } from "./error-text";
import type { Locale } from "./locales";

/**
 * The server's translators of refusals, one per language, made on first use. Loaded with the
 * modules that answer refusals (the partner API, server actions, upload routes, sign-in), and
 * nowhere in the browser: the wizard loads only its page's catalog, with its validation code.
 */
const CATALOGS: Readonly<Record<Locale, AbstractIntlMessages>> = { en: english, "zh-CN": chinese };
const translators = new Map<Locale, ErrorText>();

function translator(locale: Locale): ErrorText {
  let say = translators.get(locale);
  if (!say) {
    say = errorText(locale, CATALOGS[locale]);
    translators.set(locale, say);
  }
  return say;
}

/** A refusal's message in `locale`. */
export function sayMessage(message: Message, locale: Locale): string {
  return translator(locale)(message);
}

/** Field errors with their messages in `locale`; fields and codes unchanged. */
export function sayFieldErrors(errors: readonly FieldError[], locale: Locale): FieldErrorText[] {
  return fieldErrorTexts(errors, translator(locale));
}
