"use client";
// A form whose controls wait for the page to come alive. Until React has hydrated it, the server-rendered fields
// are disabled: anything typed or ticked before then would be reset by the form library when it attaches (and a
// click on Save would do nothing), so the page does not offer them yet. `className` lays out the fields.
import { type ComponentProps, useSyncExternalStore } from "react";
import { cn } from "@/lib/ui/cn";

const noSubscription = () => () => {};

/** False while the server's HTML is on screen, true once React runs this page in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function LiveForm({ className, children, ...props }: ComponentProps<"form">) {
  const hydrated = useHydrated();
  return (
    <form {...props}>
      <fieldset disabled={!hydrated} className={cn("min-w-0", className)}>
        {children}
      </fieldset>
    </form>
  );
}
