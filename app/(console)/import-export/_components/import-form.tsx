"use client";
import { Upload } from "lucide-react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { MAX_IMPORT_BYTES } from "@/lib/transfer/files";
import type { TImportFormRequest } from "@/lib/transfer/schemas";
import { importAction } from "../actions";
import { ImportButtons, useDryRunImport } from "./dry-run-import";
import { ImportResult } from "./import-result";
import { PolicyFieldset } from "./policy-fieldset";

const importResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/transfer/schemas").then((m) => m.ZImportFormRequest)),
);

export function ImportForm() {
  const form = useForm<TImportFormRequest>({
    resolver: importResolver,
    defaultValues: { document: "", policy: "skip", dryRun: true },
  });
  const { errors, isSubmitting } = form.formState;
  const flow = useDryRunImport({
    form,
    action: importAction,
    checks: (values) => `${values.policy}\n${values.document}`,
    nothingImported: "Nothing was imported: some records failed.",
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
      <LiveForm onSubmit={flow.submit(true)} noValidate className="space-y-4">
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
        <ImportButtons
          importing={isSubmitting}
          flow={flow}
          what="Import"
          records={{ noun: "records", source: "document" }}
        />
      </LiveForm>
      {flow.report ? <ImportResult report={flow.report} /> : null}
    </Card>
  );
}
