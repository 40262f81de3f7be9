import type { Changes } from "@/lib/audit/diff";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** An audit row's before/after, one line per field; secrets only say set, changed or cleared. */
export function ChangesList({ changes }: { changes: unknown }) {
  if (!changes || typeof changes !== "object") return null;
  return (
    <dl className="space-y-0.5 text-xs">
      {Object.entries(changes as Changes).map(([field, change]) => (
        <div key={field} className="flex gap-1.5">
          <dt className="font-medium text-slate-700">{field}:</dt>
          <dd className="text-slate-600">
            {typeof change === "string" ? <em>{change}</em> : `${show(change.from)} → ${show(change.to)}`}
          </dd>
        </div>
      ))}
    </dl>
  );
}
