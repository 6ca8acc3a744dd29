import { AreaMessages } from "@/components/i18n/area-messages";

/** API keys and webhooks read the settings' text. */
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="settings">{children}</AreaMessages>;
}
