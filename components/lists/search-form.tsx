import { Search } from "lucide-react";
import type { ReactNode } from "react";
import { inputClass } from "@/components/ui/field";

/** A plain GET form: search and filters live in the URL, so lists can be bookmarked and shared. */
export function SearchForm({ q, label, children }: { q?: string; label: string; children?: ReactNode }) {
  return (
    <form method="get" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3">
      <div className="relative w-full max-w-sm">
        <label htmlFor="q" className="sr-only">
          {label}
        </label>
        <Search aria-hidden className="pointer-events-none absolute left-3 top-2.5 size-4 text-slate-400" />
        <input id="q" name="q" type="search" defaultValue={q} placeholder={label} className={`${inputClass} pl-9`} />
      </div>
      {children}
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium hover:bg-slate-50"
      >
        Search
      </button>
    </form>
  );
}
