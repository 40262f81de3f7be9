"use client";
// Catches errors outside the console group (sign-in pages); the exception's text is never shown.
import { PageFailed } from "@/components/shell/page-failed";

export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-16">
      <PageFailed reset={reset} />
    </main>
  );
}
