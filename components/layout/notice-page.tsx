import Link from "next/link";
import { BrandMark } from "./brand-mark";

/** A page that only tells the reader something (not found, not allowed) and leads back home. */
export function NoticePage({ title, body, homeText }: { title: string; body: string; homeText: string }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <div className="mb-10 flex justify-center">
        <BrandMark />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-slate-600">{body}</p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline underline-offset-4">
        {homeText}
      </Link>
    </main>
  );
}
