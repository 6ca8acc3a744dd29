import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AxisFI Onboarding", template: "%s · AxisFI Onboarding" },
  description: "Onboard and review business customers on AxisFI.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that each carries its own CSP nonce (proxy.ts): a
  // page prerendered at build time would have scripts without one, which the policy blocks.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
