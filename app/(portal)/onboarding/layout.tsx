import { AreaMessages } from "@/components/i18n/area-messages";

/** The wizard's client components read the wizard's and the field labels' text. */
export default function OnboardingLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="wizard">{children}</AreaMessages>;
}
