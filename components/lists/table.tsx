import type { ReactNode } from "react";

export function Table({
  caption,
  head,
  children,
  empty,
}: {
  caption: string;
  head: ReactNode;
  children: ReactNode;
  empty?: ReactNode;
}) {
  return (
    // A named region that takes focus, so that keyboard users can scroll a table wider than the screen.
    <section
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (axe scrollable-region-focusable)
      tabIndex={0}
    >
      {/* The cells' padding here rather than on each cell: a list page renders 125 of them, twice. */}
      <table className="min-w-full divide-y divide-slate-200 text-sm [&>tbody>tr>td]:px-4 [&>tbody>tr>td]:py-2.5 [&>tbody>tr>td]:align-top">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
      {empty ? <div className="px-4 py-8 text-center text-sm text-slate-500">{empty}</div> : null}
    </section>
  );
}

/** A column header; `end` aligns numbers to the right. */
export function Th({ children, end = false }: { children: ReactNode; end?: boolean }) {
  return (
    <th scope="col" className={`px-4 py-2.5 font-medium ${end ? "text-right" : "text-left"}`}>
      {children}
    </th>
  );
}

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={className}>{children}</td>;
}
