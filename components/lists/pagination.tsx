import Link from "next/link";
import { listHref, type Query } from "./list-url";

export function Pagination({
  path,
  query,
  page,
  pageCount,
  total,
  noun,
  plural,
}: {
  path: string;
  query: Query;
  page: number;
  pageCount: number;
  total: number;
  noun: string;
  /** When adding an s is wrong: "communities". */
  plural?: string;
}) {
  // An empty list says so itself (components/lists/empty-list.tsx); "0 items · page 1 of 1" adds nothing.
  if (total === 0) return null;
  const link = (target: number, label: string) =>
    target < 1 || target > pageCount || target === page ? (
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
        {total.toLocaleString("en")} {total === 1 ? noun : (plural ?? `${noun}s`)} · page {page} of {pageCount}
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
