/**
 * Says a refusal's message (a code of the `errors` catalog and its values) in one language: the
 * one translator of every door. Browser-safe: the server hands it both catalogs
 * (./error-catalogs.ts), the wizard's validation code the catalog of the page's language.
 */
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import type { FieldError, FieldErrorText, Message, MessageValues } from "@/lib/errors";
import type { Locale } from "./locales";

export type ErrorText = (message: Message) => string;

const regionNames = new Map<Locale, Intl.DisplayNames>();

function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region" });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A `country` value is a code, said as the country's name; everything else as given. */
function inWords(values: MessageValues | undefined, locale: Locale): MessageValues | undefined {
  if (!values || typeof values.country !== "string") return values;
  return { ...values, country: countryName(values.country, locale) };
}

/**
 * The translator of one language's `errors` catalog. A key the catalog lacks or a value it asks
 * for and does not get is a bug, which tests catch (lib/i18n/error-text.test.ts); should one reach
 * production, the reader sees the message code rather than a broken sentence.
 */
export function errorText(locale: Locale, catalog: AbstractIntlMessages): ErrorText {
  const translate = createTranslator({
    locale,
    messages: { errors: catalog },
    namespace: "errors",
    onError: (error) => {
      if (process.env.NODE_ENV !== "production") throw error;
    },
    getMessageFallback: ({ key }) => key,
  });
  return (message) =>
    (translate as (key: string, values?: MessageValues) => string)(message.key, inWords(message.values, locale));
}

/** Field errors with their messages said by `say`; fields and codes unchanged. */
export function fieldErrorTexts(errors: readonly FieldError[], say: ErrorText): FieldErrorText[] {
  return errors.map((error) => ({ field: error.field, code: error.code, message: say(error.message) }));
}
