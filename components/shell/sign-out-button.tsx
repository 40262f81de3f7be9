"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutButton({ className = "" }: { className?: string }) {
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated}
      onClick={() => signOut({ callbackUrl: "/login" })}
      className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 ${className}`}
    >
      <LogOut aria-hidden className="size-4" />
      Sign out
    </button>
  );
}
