import type { ChangeLine } from "@/lib/audit/describe";

/**
 * An audit row's changes, one line per field, in the console's words (lib/audit/describe.ts). Long
 * values (URLs, IDs) wrap anywhere, so the column never pushes the table wider than the page.
 */
export function ChangesList({ lines }: { lines: readonly ChangeLine[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs [overflow-wrap:anywhere]">
      {lines.map((line) => (
        <li key={`${line.label}:${line.text}`}>
          <span className="font-medium text-slate-700">{line.label}:</span>{" "}
          <span className="text-slate-600">{line.text}</span>
        </li>
      ))}
    </ul>
  );
}
