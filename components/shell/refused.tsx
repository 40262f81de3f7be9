import { ShieldAlert } from "lucide-react";

/** Shown instead of a page the user may not see; the server refused and audited it already. */
export function Refused({ message }: { message: string }) {
  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-900" role="alert">
      <p className="flex items-center gap-2 font-medium">
        <ShieldAlert aria-hidden className="size-5" /> Not available to you
      </p>
      <p className="mt-1 text-sm">{message}</p>
    </div>
  );
}
