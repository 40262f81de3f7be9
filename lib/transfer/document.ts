// The document export writes and import reads: a format name and version, so that anything else is
// refused as a whole, and per area an array of records, each checked on its own (errors come back per record).
import { z } from "zod";
import { TRANSFER_AREAS } from "./areas";

export const EXPORT_FORMAT = "switchboard-export";
export const EXPORT_VERSION = 1;
/** An import's JSON body may be this large (four times a form's body: a whole installation's configuration). */
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_RECORDS_PER_AREA = 5000;

export const IMPORT_POLICIES = ["skip", "overwrite", "fail"] as const;
export const ZImportPolicy = z.enum(
  IMPORT_POLICIES,
  "Choose what happens to records that exist: skip, overwrite or fail.",
);
export type TImportPolicy = z.infer<typeof ZImportPolicy>;

/** The areas of a document: each optional, an array of records checked later, one by one. */
const ZDocumentAreas = z.strictObject(
  Object.fromEntries(
    TRANSFER_AREAS.map((area) => [
      area.key,
      z.array(z.unknown()).max(MAX_RECORDS_PER_AREA, `At most ${MAX_RECORDS_PER_AREA} records per area.`).optional(),
    ]),
  ),
);

export const ZTransferDocument = z.strictObject({
  format: z.literal(EXPORT_FORMAT, `This is not a Switchboard export (format must be "${EXPORT_FORMAT}").`),
  version: z.literal(EXPORT_VERSION, `This export's version is not supported (expected ${EXPORT_VERSION}).`),
  exportedAt: z.string().max(40).optional(),
  areas: ZDocumentAreas,
});

export type TTransferDocument = z.infer<typeof ZTransferDocument>;

/** The export's response: records in each area's portable form. */
export const ZExportDocument = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  areas: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export type TExportDocument = z.infer<typeof ZExportDocument>;
