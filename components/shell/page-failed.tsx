"use client";
import { TriangleAlert } from "lucide-react";
import { Button, ButtonLink } from "@/components/ui/button";

/** What error boundaries show: a plain message and a way on, never the exception's text. */
export function PageFailed({ reset }: { reset: () => void }) {
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-900" role="alert">
      <p className="flex items-center gap-2 font-medium">
        <TriangleAlert aria-hidden className="size-5" /> This page could not be shown
      </p>
      <p className="mt-1 text-sm">
        Something went wrong on the server. Nothing was changed. Try again, or go back to the home page.
      </p>
      <div className="mt-4 flex gap-2">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink variant="secondary" href="/">
          Home
        </ButtonLink>
      </div>
    </div>
  );
}
