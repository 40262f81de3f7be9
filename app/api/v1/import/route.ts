// An import of an export document: ?dryRun=true reports per record what would happen and writes nothing;
// without it every record is applied in one transaction, or (400, each failing record named) none is.
// ?policy=skip|overwrite|fail decides what happens to records that exist with other values.
import { defineApiRoute } from "@/lib/http/define-api-route";
import { MAX_IMPORT_BYTES } from "@/lib/transfer/files";
import { requireApplied, runImport, ZImportRequest } from "@/lib/transfer/import";

export const POST = defineApiRoute({
  schema: ZImportRequest,
  body: true,
  maxBodyBytes: MAX_IMPORT_BYTES,
  input: ({ url, body }) => ({
    document: body,
    dryRun: url.searchParams.get("dryRun") ?? undefined,
    policy: url.searchParams.get("policy") ?? undefined,
  }),
  run: async (actor, input) => requireApplied(await runImport(actor, input.document, input)),
  reply: (report) => ({ body: report }),
});
