// An import of the SMS driver's own configuration: the body is the file as text (?format=cfg, sections
// [channel-<name>] with option = value lines, or csv, rows Section,Option,Value, as the export writes
// them). ?dryRun=true reports per channel what would happen and writes nothing; ?policy=skip|overwrite|fail
// as for /api/v1/import. Without a dry run every channel is applied, or (400, each failing one named) none.
import { defineApiRoute } from "@/lib/http/define-api-route";
import { importDriverConfiguration, MAX_DRIVER_FILE_BYTES, ZDriverImportQuery } from "@/lib/sms/driver-import";
import { requireApplied } from "@/lib/transfer/import";

export const POST = defineApiRoute({
  schema: ZDriverImportQuery,
  body: "text",
  maxBodyBytes: MAX_DRIVER_FILE_BYTES,
  input: ({ url, body }) => ({
    content: body,
    format: url.searchParams.get("format") ?? undefined,
    dryRun: url.searchParams.get("dryRun") ?? undefined,
    policy: url.searchParams.get("policy") ?? undefined,
  }),
  run: async (actor, input) => requireApplied(await importDriverConfiguration(actor, input)),
  reply: (report) => ({ body: report }),
});
