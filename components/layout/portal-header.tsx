"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { cn } from "@/components/ui/cn";
import type { NavigationItem } from "@/lib/auth/navigation";

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function PortalHeader({
  navigation,
  userName,
  roleLabel,
  partnerName,
}: {
  navigation: NavigationItem[];
  userName: string;
  roleLabel: string;
  partnerName: string | null;
}) {
  const pathname = usePathname();
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-base font-semibold tracking-tight text-slate-900">
          AxisFI <span className="font-normal text-slate-500">Onboarding</span>
        </Link>
        <nav aria-label="Main" className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
          <ul className="flex gap-1 text-sm">
            {navigation.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
                  className={cn(
                    "block whitespace-nowrap rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                    isCurrent(pathname, item.href) && "bg-slate-100 font-medium text-slate-900",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <div className="text-right leading-tight">
            <p className="font-medium text-slate-900">{userName}</p>
            <p className="text-xs text-slate-500">
              {roleLabel}
              {partnerName ? ` · ${partnerName}` : ""}
            </p>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
