import { getTranslations } from "next-intl/server";
import { PortalHeader } from "@/components/layout/portal-header";
import { requireUser } from "@/lib/auth/current-user";
import { navigationFor } from "@/lib/auth/navigation";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("common");
  return (
    <div className="min-h-screen">
      <PortalHeader
        navigation={navigationFor(user).map(({ href, section }) => ({ href, label: t(`nav.${section}`) }))}
        userName={user.name}
        roleLabel={t(`roles.${user.role}`)}
        partnerName={user.partnerName}
      />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
