"use client";
// An import's report: one row per record with what happens to it, the changes worded as the audit
// trail words them, and what is wrong or still to do.
import { useState } from "react";
import { ChangesList } from "@/components/lists/changes";
import { Table, Td, Th } from "@/components/lists/table";
import { Badge } from "@/components/ui/badge";
import { describeChanges } from "@/lib/audit/describe";
import { OBJECT_TYPE_SINGULAR, type ObjectType } from "@/lib/rights/catalog";
import type { TImportRecordResult, TImportReport } from "@/lib/transfer/import";

const ACTIONS = {
  create: { label: "Create", tone: "good" },
  update: { label: "Update", tone: "info" },
  unchanged: { label: "Unchanged", tone: "neutral" },
  conflict: { label: "Conflict", tone: "warn" },
  error: { label: "Error", tone: "bad" },
} as const;

/** Rights in a report name their objects already ("role:view:Support"): each name stands for itself. */
function namesIn(record: TImportRecordResult): Map<string, string> {
  const rights = record.changes?.rights;
  const keys = typeof rights === "object" && rights ? [rights.from, rights.to].flat() : [];
  const names = keys.filter((key) => typeof key === "string").map((key) => (key as string).split(":")[2] ?? "");
  return new Map(names.map((name) => [name, name]));
}

function Details({ record }: { record: TImportRecordResult }) {
  const lines = record.changes
    ? describeChanges(
        {
          action: record.action === "create" ? "create" : "modify",
          objectType: record.objectType,
          changes: record.changes,
        },
        namesIn(record),
      )
    : [];
  const fieldErrors = Object.entries(record.fieldErrors ?? {});
  return (
    <div className="space-y-1">
      {record.message && !(record.action === "error" && fieldErrors.length > 0) ? (
        <p className={record.action === "error" ? "text-sm text-red-700" : "text-sm text-slate-700"}>
          {record.message}
        </p>
      ) : null}
      {fieldErrors.length > 0 ? (
        <ul className="space-y-0.5 text-sm text-red-700 [overflow-wrap:anywhere]">
          {fieldErrors.map(([field, messages]) => (
            <li key={field}>
              <span className="font-mono text-xs">{field}</span>: {messages.join(" ")}
            </li>
          ))}
        </ul>
      ) : null}
      {record.action !== "error" ? <ChangesList lines={lines} /> : null}
      {record.notes?.map((note) => (
        <p key={note} className="text-sm text-amber-900">
          {note}
        </p>
      ))}
    </div>
  );
}

export function ImportReport({ report }: { report: TImportReport }) {
  // Unchanged records say nothing; a long export would bury the few that matter among them.
  const [showUnchanged, setShowUnchanged] = useState(false);
  const unchanged = report.counts.unchanged;
  const records = showUnchanged ? report.records : report.records.filter((r) => r.action !== "unchanged");
  return (
    <div className="space-y-2">
      {unchanged > 0 ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={showUnchanged}
            onChange={(event) => setShowUnchanged(event.currentTarget.checked)}
            className="size-4 rounded border-slate-300"
          />
          Show the {unchanged} unchanged record{unchanged === 1 ? "" : "s"}
        </label>
      ) : null}
      <Table
        caption={report.dryRun ? "Dry run: what the import would do" : "What the import did"}
        head={
          <>
            <Th>Area</Th>
            <Th>Record</Th>
            <Th>Action</Th>
            <Th>Details</Th>
          </>
        }
        empty={
          records.length > 0
            ? undefined
            : report.records.length === 0
              ? "The document holds no records."
              : "Every record is unchanged."
        }
      >
        {records.map((record) => {
          const action = ACTIONS[record.action];
          return (
            <tr key={`${record.area}:${record.index}`} className="align-top">
              <Td>{OBJECT_TYPE_SINGULAR[record.objectType as ObjectType] ?? record.area}</Td>
              <Td>
                <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">
                  {record.key || `#${record.index + 1}`}
                </span>
              </Td>
              <Td>
                <Badge tone={action.tone}>{action.label}</Badge>
              </Td>
              <Td>
                <Details record={record} />
              </Td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}
