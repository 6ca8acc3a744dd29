"use client";

import { Button } from "@/components/ui/button";

/**
 * Signs out through next-auth's client, fetched on click: it is never needed at first paint, and
 * loaded with the page it weighed about 13 KB gzip on every portal page (the wizard's steps
 * included, whose budget is 180 KB).
 */
export function SignOutButton() {
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/sign-in" }))}
    >
      Sign out
    </Button>
  );
}
