import { PortalHeader } from "@/components/layout/portal-header";
import { requireUser } from "@/lib/auth/current-user";
import { navigationFor } from "@/lib/auth/navigation";
import { ROLE_LABELS } from "@/lib/auth/roles";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <PortalHeader
        navigation={navigationFor(user)}
        userName={user.name}
        roleLabel={ROLE_LABELS[user.role]}
        partnerName={user.partnerName}
      />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
