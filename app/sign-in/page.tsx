import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { BrandMark } from "@/components/layout/brand-mark";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getCurrentUser()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="flex justify-center">
          <BrandMark size="lg" />
        </div>
        <h1 className="mt-8 text-center text-2xl font-semibold tracking-tight text-slate-900">
          Onboard business customers to AxisFI
        </h1>
        <p className="mt-3 text-center text-sm text-slate-600">
          Partners onboard their business customers here, step by step or through the Partner API. AxisFI&apos;s
          compliance team reviews every customer before it can use AxisFI payments.
        </p>
        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-base font-semibold text-slate-900">Sign in</h2>
          <SignInForm />
        </div>
        <p className="mt-6 text-center text-xs text-slate-600">
          Accounts are created by your administrator at AxisFI. Businesses onboarding through a partner&apos;s link do
          not need one.
        </p>
      </div>
    </main>
  );
}
