"use client";
import { CheckCircle2, FileSearch, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { MAX_IMPORT_BYTES } from "@/lib/transfer/files";
import type { TImportReport } from "@/lib/transfer/import";
import type { TImportFormRequest } from "@/lib/transfer/schemas";
import { importAction } from "../actions";
import { ImportResult, summaryOf, wouldApply } from "./import-result";
import { PolicyFieldset } from "./policy-fieldset";

const importResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/transfer/schemas").then((m) => m.ZImportFormRequest)),
);

export function ImportForm() {
  const router = useRouter();
  const [report, setReport] = useState<TImportReport | null>(null);
  // The document and policy the last dry run checked: Import is offered for exactly those.
  const [checked, setChecked] = useState<string | null>(null);
  const form = useForm<TImportFormRequest>({
    resolver: importResolver,
    defaultValues: { document: "", policy: "skip", dryRun: true },
  });
  const { errors, isSubmitting } = form.formState;
  const [documentText, policy] = form.watch(["document", "policy"]);
  const current = `${policy}\n${documentText}`;
  const mayImport = report?.dryRun === true && checked === current && wouldApply(report);

  const submit = (dryRun: boolean) =>
    form.handleSubmit(async (values) => {
      const result = await callAction(importAction, { ...values, dryRun });
      // A refused import is a result too (its report says why): the toast follows the report, not the call.
      if (!result.ok) {
        applyResult(result, form.setError, "");
        return;
      }
      const report = result.data;
      setReport(report);
      setChecked(dryRun ? `${values.policy}\n${values.document}` : null);
      if (report.applied) {
        toast.success(`Imported: ${summaryOf(report)}.`);
        router.refresh();
      } else if (!dryRun) {
        toast.error("Nothing was imported: some records failed.");
      }
    });

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      form.setError("document", { message: `The file is larger than ${MAX_IMPORT_BYTES / 1024} KB.` });
      return;
    }
    form.setValue("document", await file.text(), { shouldValidate: true });
  }

  return (
    <Card
      title="Import"
      description="Check a document first: the dry run shows what would happen to each record and writes nothing."
    >
      <LiveForm onSubmit={submit(true)} noValidate className="space-y-4">
        <div className="space-y-1.5">
          <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
            Export file
          </label>
          <div className="flex items-center gap-2">
            <Upload aria-hidden className="size-4 text-slate-500" />
            <input
              id="import-file"
              type="file"
              accept="application/json,.json"
              onChange={(event) => readFile(event.currentTarget.files?.[0])}
              className="text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
            />
          </div>
        </div>
        <Field
          id="document"
          label="Document"
          help="The file's contents appear here; you may also paste a document."
          error={errors.document?.message}
          required
        >
          {(a11y) => (
            <textarea
              {...a11y}
              {...form.register("document")}
              rows={8}
              spellCheck={false}
              className={`${inputClass} font-mono text-xs`}
            />
          )}
        </Field>
        <PolicyFieldset legend="Records that exist with other values" registration={form.register("policy")} />
        <p className="text-sm text-slate-600">
          Secrets are not in an export. An existing messaging service keeps its credential secrets; a new one needs them
          in the document (<code className="text-xs">"secret"</code> on each credential entry). So do new HMAC JWT keys
          of communities (<code className="text-xs">"secret"</code> on the key) and the secret options an SMS channel
          has set (<code className="text-xs">"secrets"</code>); existing ones keep theirs. Imported users get no
          password: set one on their page.
        </p>
        <FormError message={errors.root?.server?.message} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={isSubmitting}>
            <FileSearch aria-hidden className="size-4" />
            {isSubmitting ? "Working…" : "Check (dry run)"}
          </Button>
          <Button onClick={submit(false)} disabled={isSubmitting || !mayImport}>
            <CheckCircle2 aria-hidden className="size-4" />
            Import
          </Button>
          {!mayImport && !report?.applied ? (
            <span className="text-sm text-slate-600">
              {report?.dryRun && checked === current
                ? "Fix the records in error (or choose another policy) before importing."
                : "Run a dry run of this document and policy first."}
            </span>
          ) : null}
        </div>
      </LiveForm>
      {report ? <ImportResult report={report} /> : null}
    </Card>
  );
}
