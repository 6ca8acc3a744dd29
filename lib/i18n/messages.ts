import "server-only";
import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "./locales";
import { NAMESPACES, type Namespace } from "./namespaces";

export { NAMESPACES, type Namespace };

/**
 * The portal's text, one catalog per area and language: `messages/<namespace>/<locale>.json`.
 * Next's build precompiles each (next-intl's catalog loader), so the browser gets ready-made
 * messages and no ICU parser. `messages.test.ts` fails when a key exists in one language only.
 */

async function loadCatalog(namespace: Namespace, locale: Locale): Promise<AbstractIntlMessages> {
  return (await import(`../../messages/${namespace}/${locale}.json`)).default as AbstractIntlMessages;
}

export async function loadMessages(locale: Locale): Promise<Record<Namespace, AbstractIntlMessages>> {
  const catalogs = await Promise.all(NAMESPACES.map((namespace) => loadCatalog(namespace, locale)));
  return Object.fromEntries(NAMESPACES.map((namespace, index) => [namespace, catalogs[index]])) as Record<
    Namespace,
    AbstractIntlMessages
  >;
}
