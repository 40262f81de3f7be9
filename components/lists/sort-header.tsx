import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Link } from "@/components/ui/link";
import { listHref, type Query } from "./list-url";

export function SortHeader({
  path,
  query,
  column,
  label,
}: {
  path: string;
  query: Query;
  column: string;
  label: string;
}) {
  const active = query.sort === column;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  const Icon = !active ? ArrowUpDown : query.dir === "desc" ? ArrowDown : ArrowUp;
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "desc" ? "descending" : "ascending") : "none"}
      className="px-4 py-2.5 text-left font-medium"
    >
      <Link
        href={listHref(path, query, { sort: column, dir, page: undefined })}
        className="inline-flex items-center gap-1 hover:text-brand-700"
      >
        {label}
        <Icon aria-hidden className="size-3.5" />
      </Link>
    </th>
  );
}
