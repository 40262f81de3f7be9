"use client";
// What an import or its dry run came to: a line that sums it up, then the report's table of records. The table
// (with the audit trail's wording of every field of every area) loads when a first report comes back, not with
// the page (issue 10: the page's first-load JavaScript under 180 kB).
import dynamic from "next/dynamic";
import type { TImportReport } from "@/lib/transfer/import";

const ImportReport = dynamic(() => import("./import-report").then((m) => m.ImportReport), { ssr: false });

/** Whether the report's import would be written: no errors, and no conflicts when they are fatal. */
export function wouldApply(report: TImportReport): boolean {
  return report.counts.error === 0 && !(report.policy === "fail" && report.counts.conflict > 0);
}

/** "0 to create, 1 to update, 4 unchanged" for a dry run; "0 created, 1 updated, 4 unchanged" after an import. */
export function summaryOf(report: TImportReport): string {
  const { create, update, unchanged, conflict, error } = report.counts;
  const done = report.applied;
  const parts = [
    done ? `${create} created` : `${create} to create`,
    done ? `${update} updated` : `${update} to update`,
    `${unchanged} unchanged`,
    ...(conflict ? [done ? `${conflict} skipped` : `${conflict} in conflict`] : []),
    ...(error ? [`${error} with errors`] : []),
  ];
  return parts.join(", ");
}

function ReportSummary({ report }: { report: TImportReport }) {
  const tone = report.applied
    ? "border-emerald-200 bg-emerald-50 text-emerald-900"
    : report.dryRun && wouldApply(report)
      ? "border-brand-100 bg-brand-50 text-brand-900"
      : "border-red-200 bg-red-50 text-red-800";
  const text = report.applied
    ? `Imported with policy "${report.policy}": ${summaryOf(report)}.`
    : report.dryRun
      ? `Dry run with policy "${report.policy}": ${summaryOf(report)}. Nothing was written.`
      : `Nothing was imported: ${summaryOf(report)}. Fix the records below and check again.`;
  return <p className={`rounded-md border px-3 py-2 text-sm ${tone}`}>{text}</p>;
}

export function ImportResult({ report }: { report: TImportReport }) {
  return (
    <div className="mt-6 space-y-3" aria-live="polite">
      <ReportSummary report={report} />
      <ImportReport report={report} />
    </div>
  );
}
