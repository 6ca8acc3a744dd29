import Link from "next/link";
import type { ReactNode } from "react";

/** The `<link>` chunk of a settings page's rich intro: the partner API reference. */
export function apiReferenceLink(chunks: ReactNode) {
  return (
    <Link href="/docs/api" className="font-medium text-blue-700 underline-offset-4 hover:underline">
      {chunks}
    </Link>
  );
}
