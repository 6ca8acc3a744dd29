import { AreaMessages } from "@/components/i18n/area-messages";

/** The back office's client components read its text and the field labels. */
export default function CustomersLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="backOffice">{children}</AreaMessages>;
}
