import type { Metadata } from "next";
import Link from "next/link";
import { BrandMark } from "@/components/layout/brand-mark";

export const metadata: Metadata = { title: "Not allowed" };

export default function NotAllowedPage() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <div className="mb-10 flex justify-center">
        <BrandMark />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">You are not allowed to open this page</h1>
      <p className="mt-3 text-slate-600">
        Your role does not include this part of the portal. If you need it, ask an administrator.
      </p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline underline-offset-4">
        Back to your home page
      </Link>
    </main>
  );
}
