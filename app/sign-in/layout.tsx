import { AreaMessages } from "@/components/i18n/area-messages";

/** The sign-in form reads its own text. */
export default function SignInLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="signIn">{children}</AreaMessages>;
}
