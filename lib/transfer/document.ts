// The document export writes and import reads: a format name and version, so that anything else is
// refused as a whole, and per area an array of records, each checked on its own (errors come back per record).
import { z } from "zod";
import { TRANSFER_AREAS } from "./areas";

export const EXPORT_FORMAT = "switchboard-export";
export const EXPORT_VERSION = 1;
export const MAX_RECORDS_PER_AREA = 5000;

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
