"use client";
// Catches what a console page throws that guardedPage does not map; the console's frame stays.
import { PageFailed } from "@/components/shell/page-failed";

export default function ConsoleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageFailed reset={reset} />;
}
