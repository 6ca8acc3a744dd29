"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState, type KeyboardEvent } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { cn } from "@/components/ui/cn";
import { BrandMark } from "./brand-mark";

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

const MENU_ID = "portal-menu";

/** A section of the main navigation, named in the reader's language by the portal's layout. */
export interface HeaderLink {
  href: string;
  label: string;
}

/**
 * The portal's header: brand, main navigation and the signed-in person. Below the `lg` width the
 * navigation and the person collapse behind a "Menu" button (a disclosure: aria-expanded and
 * aria-controls; Escape closes it and returns focus to the button; following a link closes it).
 */
export function PortalHeader({
  navigation,
  userName,
  roleLabel,
  partnerName,
}: {
  navigation: HeaderLink[];
  userName: string;
  roleLabel: string;
  partnerName: string | null;
}) {
  const t = useTranslations("common.header");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === "Escape" && open) {
      setOpen(false);
      menuButton.current?.focus();
    }
  }

  return (
    <header className="border-b border-slate-200 bg-white" onKeyDown={onKeyDown}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Link
          href="/"
          className="rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
          onClick={() => setOpen(false)}
        >
          <BrandMark />
        </Link>
        <button
          ref={menuButton}
          type="button"
          aria-expanded={open}
          aria-controls={MENU_ID}
          onClick={() => setOpen((value) => !value)}
          className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 lg:hidden"
        >
          <svg
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
            className="size-5"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
          >
            {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          {t("menu")}
        </button>
        <div
          id={MENU_ID}
          className={cn(
            "w-full flex-col gap-3 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:gap-6",
            open ? "flex" : "hidden",
          )}
        >
          <nav aria-label={t("mainNavigation")}>
            <ul className="flex flex-col gap-1 text-sm lg:flex-row">
              {navigation.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
                    onClick={() => setOpen(false)}
                    className={cn(
                      "block rounded-md px-3 py-2 whitespace-nowrap text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 lg:py-1.5",
                      isCurrent(pathname, item.href) && "bg-slate-100 font-medium text-slate-900",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex items-center justify-between gap-3 border-t border-slate-200 pt-3 text-sm lg:ml-auto lg:border-0 lg:pt-0">
            <div className="min-w-0 leading-tight lg:text-right">
              <p className="font-medium break-words text-slate-900">{userName}</p>
              <p className="text-xs text-slate-600">
                {roleLabel}
                {partnerName ? ` · ${partnerName}` : ""}
              </p>
            </div>
            <SignOutButton />
          </div>
        </div>
      </div>
    </header>
  );
}
