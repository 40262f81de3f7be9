"use client";
// A form whose controls wait for the page to come alive. Until React has hydrated it, the server-rendered fields
// are disabled: anything typed or ticked before then would be reset by the form library when it attaches (and a
// click on Save would do nothing), so the page does not offer them yet. `className` lays out the fields.
// Once live, it starts loading the page's lazy schemas (lazy-schema.ts), so that validation is there when asked.
import { type ComponentProps, useEffect } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { cn } from "@/lib/ui/cn";
import { preloadSchemas } from "./lazy-schema";

export function LiveForm({ className, children, ...props }: ComponentProps<"form">) {
  const hydrated = useHydrated();
  useEffect(preloadSchemas, []);
  return (
    <form {...props}>
      <fieldset disabled={!hydrated} className={cn("min-w-0", className)}>
        {children}
      </fieldset>
    </form>
  );
}
