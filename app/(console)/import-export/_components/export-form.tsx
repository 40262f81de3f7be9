"use client";
import { Download } from "lucide-react";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { callAction } from "@/components/forms/call-action";
import { FormError } from "@/components/forms/form-error";
import { lazySchema, lazyZodResolver } from "@/components/forms/lazy-schema";
import { LiveForm } from "@/components/forms/live-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { exportFileName } from "@/lib/transfer/files";
import type { TExportFormRequest } from "@/lib/transfer/schemas";
import { exportAction } from "../actions";

const exportResolver = lazyZodResolver(
  lazySchema(() => import("@/lib/transfer/schemas").then((m) => m.ZExportFormRequest)),
);

/** Hands the document to the browser as a file download. */
function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

export function ExportForm({ areas }: { areas: { key: string; label: string }[] }) {
  const form = useForm<TExportFormRequest>({
    resolver: exportResolver,
    defaultValues: { areas: areas.map((area) => area.key) },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callAction(exportAction, values);
    if (applyResult(result, form.setError, "Export downloaded.")) {
      download(`${JSON.stringify(result.data, null, 2)}\n`, exportFileName(result.data.exportedAt));
    }
  });

  return (
    <Card
      title="Export"
      description="Everything you may view in the chosen areas. Passwords and credential secrets never leave Switchboard."
    >
      <LiveForm onSubmit={onSubmit} noValidate className="space-y-4">
        <fieldset aria-describedby={errors.areas ? "areas-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Areas</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {areas.map((area) => (
              <label key={area.key} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  value={area.key}
                  {...form.register("areas")}
                  className="size-4 rounded border-slate-300"
                />
                {area.label}
              </label>
            ))}
          </div>
          {errors.areas ? (
            <p id="areas-error" className="mt-1.5 text-sm text-red-700">
              {errors.areas.message}
            </p>
          ) : null}
        </fieldset>
        <FormError message={errors.root?.server?.message} />
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          <Download aria-hidden className="size-4" />
          {isSubmitting ? "Exporting…" : "Download export"}
        </Button>
      </LiveForm>
    </Card>
  );
}
