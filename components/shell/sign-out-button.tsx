"use client";
import { LogOut } from "lucide-react";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * next-auth's sign-out, as next-auth/react's `signOut` performs it (its CSRF token, then a form post to
 * /api/auth/signout, then to the URL it answers), without that module: it would add about 14 kB (gzip) of
 * client code to every console page for this one button.
 */
async function signOutToLogin() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? "/login";
}

export function SignOutButton({ className = "" }: { className?: string }) {
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated}
      onClick={() => void signOutToLogin()}
      className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 ${className}`}
    >
      <LogOut aria-hidden className="size-4" />
      Sign out
    </button>
  );
}
