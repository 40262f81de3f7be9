"use client";
import { CheckCircle2, FileSearch, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
// The SMS driver's own configuration file (CFG/INI sections or CSV rows, as the SMS channels page exports
// them) imported through the same dry run, policy and report as a Switchboard export.
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { MAX_DRIVER_FILE_BYTES } from "@/lib/sms/driver-file";
import type { TDriverImportRequest } from "@/lib/sms/driver-import-schemas";
import type { TImportReport } from "@/lib/transfer/import";
import { driverImportAction } from "../actions";
import { ImportResult, summaryOf, wouldApply } from "./import-result";
import { PolicyFieldset } from "./policy-fieldset";

const driverImportResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/sms/driver-import-schemas").then((m) => m.ZDriverImportRequest)),
);

export function DriverImportForm() {
  const router = useRouter();
  const [report, setReport] = useState<TImportReport | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const form = useForm<TDriverImportRequest>({
    resolver: driverImportResolver,
    defaultValues: { format: "cfg", content: "", policy: "skip", dryRun: true },
  });
  const { errors, isSubmitting } = form.formState;
  const [content, policy, format] = form.watch(["content", "policy", "format"]);
  const current = `${format}\n${policy}\n${content}`;
  const mayImport = report?.dryRun === true && checked === current && wouldApply(report);

  const submit = (dryRun: boolean) =>
    form.handleSubmit(async (values) => {
      const result = await callAction(driverImportAction, { ...values, dryRun });
      if (!result.ok) {
        applyResult(result, form.setError, "");
        return;
      }
      setReport(result.data);
      setChecked(dryRun ? `${values.format}\n${values.policy}\n${values.content}` : null);
      if (result.data.applied) {
        toast.success(`Imported: ${summaryOf(result.data)}.`);
        router.refresh();
      } else if (!dryRun) {
        toast.error("Nothing was imported: some channels failed.");
      }
    });

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_DRIVER_FILE_BYTES) {
      form.setError("content", { message: `The file is larger than ${MAX_DRIVER_FILE_BYTES / 1024} KB.` });
      return;
    }
    if (file.name.toLowerCase().endsWith(".csv")) form.setValue("format", "csv");
    else form.setValue("format", "cfg");
    form.setValue("content", await file.text(), { shouldValidate: true });
  }

  return (
    <Card
      title="Import driver configuration"
      description="SMS channels from the SMS driver's own file: [channel-<name>] sections (CFG/INI) or Section,Option,Value rows (CSV). Other sections are ignored."
    >
      <LiveForm id="driver-import" onSubmit={submit(true)} noValidate className="space-y-4">
        <div className="flex flex-wrap items-end gap-6">
          <div className="space-y-1.5">
            <label htmlFor="driver-file" className="text-sm font-medium text-slate-800">
              Driver file
            </label>
            <div className="flex items-center gap-2">
              <Upload aria-hidden className="size-4 text-slate-500" />
              <input
                id="driver-file"
                type="file"
                accept=".cfg,.ini,.csv,text/plain,text/csv"
                onChange={(event) => readFile(event.currentTarget.files?.[0])}
                className="text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
              />
            </div>
          </div>
          <Field id="driver-format" label="Format" error={errors.format?.message}>
            {(a11y) => (
              <select {...a11y} {...form.register("format")} className={inputClass}>
                <option value="cfg">CFG / INI</option>
                <option value="csv">CSV</option>
              </select>
            )}
          </Field>
        </div>
        <Field
          id="driver-content"
          label="Configuration"
          help="The file's contents appear here; you may also paste them."
          error={errors.content?.message}
          required
        >
          {(a11y) => (
            <textarea
              {...a11y}
              {...form.register("content")}
              rows={8}
              spellCheck={false}
              className={`${inputClass} font-mono text-xs`}
            />
          )}
        </Field>
        <PolicyFieldset legend="Channels that exist with other values" registration={form.register("policy")} />
        <p className="text-sm text-slate-600">
          A channel's options are replaced by the file's: an option the file leaves out goes back to the driver's
          default. Secret options in the file are set; secrets it leaves out keep their stored values.
        </p>
        <FormError message={errors.root?.server?.message} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={isSubmitting}>
            <FileSearch aria-hidden className="size-4" />
            {isSubmitting ? "Working…" : "Check (dry run)"}
          </Button>
          <Button onClick={submit(false)} disabled={isSubmitting || !mayImport}>
            <CheckCircle2 aria-hidden className="size-4" />
            Import channels
          </Button>
          {!mayImport && !report?.applied ? (
            <span className="text-sm text-slate-600">
              {report?.dryRun && checked === current
                ? "Fix the channels in error (or choose another policy) before importing."
                : "Run a dry run of this file and policy first."}
            </span>
          ) : null}
        </div>
      </LiveForm>
      {report ? <ImportResult report={report} /> : null}
    </Card>
  );
}
