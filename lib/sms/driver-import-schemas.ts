// What the console's "Import driver configuration" form and the server share: no server code here, so
// the browser can load it (the form checks with the schema the action checks again).
import { z } from "zod";
import { ZImportPolicy } from "../transfer/schemas";
import { DRIVER_FORMATS, MAX_DRIVER_FILE_BYTES } from "./driver-file";

export const ZDriverImportRequest = z.object({
  format: z.enum(DRIVER_FORMATS, "Choose cfg or csv."),
  content: z
    .string()
    .min(1, "Choose the driver's file or paste its content.")
    .max(MAX_DRIVER_FILE_BYTES, `The file may be at most ${MAX_DRIVER_FILE_BYTES / 1024} KB.`),
  dryRun: z.boolean(),
  policy: ZImportPolicy,
});
export type TDriverImportRequest = z.output<typeof ZDriverImportRequest>;
export type TDriverImportFields = z.input<typeof ZDriverImportRequest>;
