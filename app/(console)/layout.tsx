import { BookOpen, KeyRound, KeySquare, RadioTower, ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { visibleNavItems } from "@/components/shell/nav-items";
import { SidebarLink } from "@/components/shell/sidebar";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Link } from "@/components/ui/link";
import { pageActor } from "@/lib/auth/page-actor";
import { RestartPendingNotice } from "./sms-channels/_components/restart-pending-notice";

export const dynamic = "force-dynamic";

/** The header's links to the signed-in user's own settings. */
const ACCOUNT_LINKS = [
  { href: "/api-tokens", label: "API tokens", icon: KeySquare },
  { href: "/change-password", label: "Change password", icon: KeyRound },
  { href: "/account/security", label: "Security", icon: ShieldCheck },
] as const;

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await pageActor();
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="flex w-60 shrink-0 flex-col bg-slate-900 px-3 py-4">
        <Link href="/" className="mb-6 flex items-center gap-2 px-3 text-lg font-semibold text-white">
          <RadioTower aria-hidden className="size-5 text-brand-100" />
          Switchboard
        </Link>
        <nav aria-label="Areas" className="space-y-1">
          {visibleNavItems(actor).map(({ href, label, icon: Icon }) => (
            <SidebarLink key={href} href={href} label={label}>
              <Icon aria-hidden className="size-4" />
            </SidebarLink>
          ))}
        </nav>
        {/* Every signed-in user may read how to script the console: it needs no right. */}
        <nav aria-label="Developers" className="mt-6 space-y-1 border-t border-slate-800 pt-4">
          <SidebarLink href="/api-docs" label="API reference">
            <BookOpen aria-hidden className="size-4" />
          </SidebarLink>
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2.5">
          <RestartPendingNotice actor={actor} />
          <span className="text-sm text-slate-700">
            Signed in as <strong className="font-medium">{actor.logonName}</strong>
          </span>
          {ACCOUNT_LINKS.map(({ href, label, icon: Icon }) => (
            <Link
              key={href}
              href={href}
              className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
            >
              <Icon aria-hidden className="size-4" />
              {label}
            </Link>
          ))}
          <SignOutButton />
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
