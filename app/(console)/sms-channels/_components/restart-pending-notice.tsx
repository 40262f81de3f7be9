// The console's header count of SMS channels waiting for a driver restart (the home page redirects to
// the first area, so the count sits where every page shows it). Nothing when none, or none visible.
import { RotateCcw } from "lucide-react";
import { Link } from "@/components/ui/link";
import type { Actor } from "@/lib/auth/actor";
import { countRestartPending } from "@/lib/sms/service";

export async function RestartPendingNotice({ actor }: { actor: Actor }) {
  const count = await countRestartPending(actor);
  if (!count) return null;
  return (
    <Link
      href="/sms-channels?restart=pending"
      className="mr-auto inline-flex items-center gap-1.5 rounded-md bg-amber-50 px-2.5 py-1.5 text-sm text-amber-900 ring-1 ring-amber-200 hover:bg-amber-100"
    >
      <RotateCcw aria-hidden className="size-4" />
      {count === 1 ? "1 SMS channel" : `${count} SMS channels`} restart pending
    </Link>
  );
}
