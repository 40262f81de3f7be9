// What the console's import and export forms and the server share: no server code here, so the browser
// can load it (the form checks with the same schema the action checks again).
import { z } from "zod";
import { MAX_IMPORT_BYTES } from "./files";

export const IMPORT_POLICIES = ["skip", "overwrite", "fail"] as const;
export const ZImportPolicy = z.enum(
  IMPORT_POLICIES,
  "Choose what happens to records that exist: skip, overwrite or fail.",
);
export type TImportPolicy = z.infer<typeof ZImportPolicy>;

/** The console's import form: the document as text (pasted or read from a file), the policy, dry run or not. */
export const ZImportFormRequest = z.object({
  document: z
    .string()
    .min(1, "Choose an export file or paste a document.")
    .max(MAX_IMPORT_BYTES, `The document may be at most ${MAX_IMPORT_BYTES / 1024} KB.`),
  policy: ZImportPolicy,
  dryRun: z.boolean(),
});
export type TImportFormRequest = z.infer<typeof ZImportFormRequest>;

/** The console's export form: the areas to export. */
export const ZExportFormRequest = z.object({
  areas: z.array(z.string().max(40)).min(1, "Choose at least one area.").max(20),
});
export type TExportFormRequest = z.infer<typeof ZExportFormRequest>;
