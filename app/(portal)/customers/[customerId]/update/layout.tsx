import { AreaMessages } from "@/components/i18n/area-messages";

/** Fixing a customer is the wizard's steps: they read the wizard's text. */
export default function FixCustomerLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="wizard">{children}</AreaMessages>;
}
