import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/namespaces";

/**
 * Gives the client components below it the text of one part of the portal (and nothing else: a
 * page's weight includes what it carries). Server components read every catalog directly.
 */
export async function AreaMessages({
  area,
  children,
}: {
  area: keyof typeof CLIENT_NAMESPACES;
  children: React.ReactNode;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, CLIENT_NAMESPACES[area])}>
      {children}
    </NextIntlClientProvider>
  );
}
