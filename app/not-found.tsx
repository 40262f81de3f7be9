import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6" role="alert">
        <h1 className="flex items-center gap-2 font-medium">
          <FileQuestion aria-hidden className="size-5" /> Not found
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          This page or record does not exist (it may have been deleted). Check the address, or go back to the home page.
        </p>
        <div className="mt-4">
          <ButtonLink href="/">Home</ButtonLink>
        </div>
      </div>
    </main>
  );
}
