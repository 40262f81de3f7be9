// An import of the driver's own formats: the file read into SMS-channel records of a transfer document,
// then planned (dry run) or applied by lib/transfer like any import, with its policy, report and audit.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { EXPORT_FORMAT, EXPORT_VERSION } from "../transfer/document";
import { runImport } from "../transfer/import";
import { ZImportPolicy } from "../transfer/schemas";
import { parseDriverFormat } from "./driver-format";
import { type TDriverImportRequest, ZDriverImportRequest } from "./driver-import-schemas";

export { MAX_DRIVER_FILE_BYTES } from "./driver-file";

/** The API's form of it: format, dryRun and policy in the query (as for /api/v1/import), the file as body. */
export const ZDriverImportQuery = ZDriverImportRequest.extend({
  format: ZDriverImportRequest.shape.format.default("cfg"),
  dryRun: z
    .enum(["true", "false"], "dryRun is true or false.")
    .default("false")
    .transform((value) => value === "true"),
  policy: ZImportPolicy.default("fail"),
});

export async function importDriverConfiguration(actor: Actor, input: TDriverImportRequest) {
  const channels = parseDriverFormat(input.format, input.content);
  const document = { format: EXPORT_FORMAT, version: EXPORT_VERSION, areas: { smsChannels: channels } };
  return runImport(actor, document, { dryRun: input.dryRun, policy: input.policy });
}
