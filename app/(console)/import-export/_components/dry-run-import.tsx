"use client";
// What the two import forms (a Switchboard export, the SMS driver's own file) share: a dry run first, Import
// offered only for exactly what the last dry run checked and only when it would apply, the report, and the
// toasts. Each form keeps its own fields.
import { CheckCircle2, FileSearch } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/result";
import type { TImportReport } from "@/lib/transfer/import";
import { summaryOf, wouldApply } from "./import-result";

export function useDryRunImport<V extends FieldValues & { dryRun: boolean }>({
  form,
  action,
  checks,
  nothingImported,
}: {
  form: UseFormReturn<V>;
  action: (input: V) => Promise<ActionResult<TImportReport>>;
  /** What a dry run checks of the values (the document, its format, the policy), as one string. */
  checks: (values: V) => string;
  /** The toast when an import applied nothing. */
  nothingImported: string;
}) {
  const router = useRouter();
  const [report, setReport] = useState<TImportReport | null>(null);
  // What the last dry run checked: Import is offered for exactly that.
  const [checked, setChecked] = useState<string | null>(null);
  const checkedIsCurrent = report?.dryRun === true && checked === checks(form.watch());

  const submit = (dryRun: boolean) =>
    form.handleSubmit(async (values) => {
      const result = await callAction(action, { ...values, dryRun });
      // A refused import is a result too (its report says why): the toast follows the report, not the call.
      if (!result.ok) {
        applyResult(result, form.setError, "");
        return;
      }
      const report = result.data;
      setReport(report);
      setChecked(dryRun ? checks(values) : null);
      if (report.applied) {
        toast.success(`Imported: ${summaryOf(report)}.`);
        router.refresh();
      } else if (!dryRun) {
        toast.error(nothingImported);
      }
    });

  return { report, checkedIsCurrent, mayImport: checkedIsCurrent && !!report && wouldApply(report), submit };
}

/** Check (dry run) and Import, with why Import is not offered yet. */
export function ImportButtons({
  importing,
  flow,
  what,
  records,
}: {
  importing: boolean;
  flow: ReturnType<typeof useDryRunImport>;
  /** The Import button's label. */
  what: string;
  /** What the document holds, for the hint: "records", "channels"; and what it is: "document", "file". */
  records: { noun: string; source: string };
}) {
  const { report, mayImport, checkedIsCurrent, submit } = flow;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={importing}>
        <FileSearch aria-hidden className="size-4" />
        {importing ? "Working…" : "Check (dry run)"}
      </Button>
      <Button onClick={submit(false)} disabled={importing || !mayImport}>
        <CheckCircle2 aria-hidden className="size-4" />
        {what}
      </Button>
      {!mayImport && !report?.applied ? (
        <span className="text-sm text-slate-600">
          {checkedIsCurrent
            ? `Fix the ${records.noun} in error (or choose another policy) before importing.`
            : `Run a dry run of this ${records.source} and policy first.`}
        </span>
      ) : null}
    </div>
  );
}
