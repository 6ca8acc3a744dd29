import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">AxisFI Onboarding</h1>
      <p className="mt-4 text-slate-600">
        Onboard your business customers onto AxisFI through the Partner API, and follow their compliance review.
      </p>
      <ul className="mt-8 space-y-2">
        <li>
          <Link className="text-blue-700 underline underline-offset-4 hover:text-blue-900" href="/docs/api">
            Partner API reference
          </Link>
        </li>
      </ul>
    </main>
  );
}
