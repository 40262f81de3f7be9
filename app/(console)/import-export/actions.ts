"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { invalid } from "@/lib/errors";
import { importDriverConfiguration } from "@/lib/sms/driver-import";
import { ZDriverImportRequest } from "@/lib/sms/driver-import-schemas";
import { exportDocument } from "@/lib/transfer/export";
import { runImport } from "@/lib/transfer/import";
import { ZExportFormRequest, ZImportFormRequest } from "@/lib/transfer/schemas";

export const exportAction = defineAction(ZExportFormRequest, (actor, input) =>
  exportDocument(actor, { areas: input.areas }),
);

/** A dry run or an import; a refused import answers with its report too, so the page shows each record. */
export const importAction = defineAction(ZImportFormRequest, async (actor, input) => {
  let document: unknown;
  try {
    document = JSON.parse(input.document);
  } catch {
    throw invalid({ document: ["This is not valid JSON. Choose a file that Switchboard exported."] });
  }
  const report = await runImport(actor, document, input);
  if (report.applied) revalidatePath("/", "layout");
  return report;
});

/** The SMS driver's own file (CFG or CSV) imported the same way: dry run, policy, a report per channel. */
export const driverImportAction = defineAction(ZDriverImportRequest, async (actor, input) => {
  const report = await importDriverConfiguration(actor, input);
  if (report.applied) revalidatePath("/", "layout");
  return report;
});
