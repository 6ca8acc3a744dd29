import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { requestLocale } from "./request-locale";

/**
 * next-intl's per-request configuration (named in next.config.ts). No locale in the URL: the
 * portal's addresses stay the same in every language, and the language is the person's choice.
 */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: await loadMessages(locale),
    // Every time the portal shows is UTC, the zone of the API's timestamps.
    timeZone: "UTC",
  };
});
