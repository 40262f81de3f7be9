"use client";
import { Upload } from "lucide-react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
// The SMS driver's own configuration file (CFG/INI sections or CSV rows, as the SMS channels page exports
// them) imported through the same dry run, policy and report as a Switchboard export.
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { MAX_DRIVER_FILE_BYTES } from "@/lib/sms/driver-file";
import type { TDriverImportRequest } from "@/lib/sms/driver-import-schemas";
import { driverImportAction } from "../actions";
import { ImportButtons, useDryRunImport } from "./dry-run-import";
import { ImportResult } from "./import-result";
import { PolicyFieldset } from "./policy-fieldset";

const driverImportResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/sms/driver-import-schemas").then((m) => m.ZDriverImportRequest)),
);

export function DriverImportForm() {
  const form = useForm<TDriverImportRequest>({
    resolver: driverImportResolver,
    defaultValues: { format: "cfg", content: "", policy: "skip", dryRun: true },
  });
  const { errors, isSubmitting } = form.formState;
  const flow = useDryRunImport({
    form,
    action: driverImportAction,
    checks: (values) => `${values.format}\n${values.policy}\n${values.content}`,
    nothingImported: "Nothing was imported: some channels failed.",
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
      <LiveForm id="driver-import" onSubmit={flow.submit(true)} noValidate className="space-y-4">
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
        <ImportButtons
          importing={isSubmitting}
          flow={flow}
          what="Import channels"
          records={{ noun: "channels", source: "file" }}
        />
      </LiveForm>
      {flow.report ? <ImportResult report={flow.report} /> : null}
    </Card>
  );
}
