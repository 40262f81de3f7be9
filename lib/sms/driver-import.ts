// An import of the driver's own formats: the file read into SMS-channel records of a transfer document,
// then planned (dry run) or applied by lib/transfer like any import, with its policy, report and audit.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { EXPORT_FORMAT, EXPORT_VERSION } from "../transfer/document";
import { runImport } from "../transfer/import";
import { ZImportPolicy } from "../transfer/schemas";
import { DRIVER_FORMATS, parseDriverFormat } from "./driver-format";

/** A driver file may be this large: a few hundred channels' sections. */
export const MAX_DRIVER_FILE_BYTES = 256 * 1024;

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

export async function importDriverConfiguration(actor: Actor, input: TDriverImportRequest) {
  const channels = parseDriverFormat(input.format, input.content);
  const document = { format: EXPORT_FORMAT, version: EXPORT_VERSION, areas: { smsChannels: channels } };
  return runImport(actor, document, { dryRun: input.dryRun, policy: input.policy });
}
