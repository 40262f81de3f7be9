"use client";
// Replaces the root layout when it fails itself, so it brings its own html and body.
import { PageFailed } from "@/components/shell/page-failed";
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto max-w-lg px-6 py-16">
          <PageFailed reset={reset} />
        </main>
      </body>
    </html>
  );
}
