import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/components/docs/api-reference";
import { BrandMark } from "@/components/layout/brand-mark";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "Partner API reference" };

export default function ApiReferencePage() {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-3 sm:px-6">
          <Link
            href="/"
            className="inline-block rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
          >
            <BrandMark />
          </Link>
        </div>
      </header>
      <ApiReference document={openApiDocument()} />
    </>
  );
}
