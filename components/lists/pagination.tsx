import { Link } from "@/components/ui/link";
import { listHref, type Query } from "./list-url";

export function Pagination({
  path,
  query,
  page,
  pageCount,
  total,
  noun,
  plural,
  totalExact = true,
}: {
  path: string;
  query: Query;
  page: number;
  pageCount: number;
  total: number;
  noun: string;
  /** When adding an s is wrong: "communities". */
  plural?: string;
  /** False when the list stopped counting (lib/list/params.ts, countFor): there are more than `total`. */
  totalExact?: boolean;
}) {
  // An empty list says so itself (components/lists/empty-list.tsx); "0 items · page 1 of 1" adds nothing.
  if (total === 0) return null;
  // Without the whole count the last page is unknown; the next one exists (the count went past it).
  const link = (target: number, label: string) =>
    target < 1 || target > pageCount || target === page || (!totalExact && label === "Last") ? (
      <span className="rounded-md px-3 py-1.5 text-slate-500" aria-disabled="true">
        {label}
      </span>
    ) : (
      <Link
        href={listHref(path, query, { page: String(target) })}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
      >
        {label}
      </Link>
    );
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <p>
        {totalExact
          ? `${total.toLocaleString("en")} ${total === 1 ? noun : (plural ?? `${noun}s`)} · page ${page} of ${pageCount}`
          : `More than ${total.toLocaleString("en")} ${plural ?? `${noun}s`} · page ${page}`}
      </p>
      <div className="flex gap-2">
        {link(1, "First")}
        {link(page - 1, "Previous")}
        {link(page + 1, "Next")}
        {link(pageCount, "Last")}
      </div>
    </nav>
  );
}
