import { redirect } from "next/navigation";
import { visibleNavItems } from "@/components/shell/nav-items";
import { pageActor } from "@/lib/auth/page-actor";

export default async function Home() {
  const actor = await pageActor();
  const first = visibleNavItems(actor)[0];
  if (first) redirect(first.href);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-xl font-semibold">Nothing to show yet</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your roles give you no area of the console. Ask an administrator for the rights you need.
      </p>
    </div>
  );
}
