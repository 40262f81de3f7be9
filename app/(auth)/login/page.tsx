import type { Metadata } from "next";
import { sameOriginPath } from "@/lib/auth/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-origin paths: an open redirect after sign-in would be a phishing aid.
  const next = sameOriginPath(callbackUrl);
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <LoginForm next={next} />
    </>
  );
}
