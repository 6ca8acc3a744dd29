import { AreaMessages } from "@/components/i18n/area-messages";

/** Accounts and partners read the settings' text. */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="settings">{children}</AreaMessages>;
}
