import { z } from "zod";
import { ZId } from "../schemas";

export const ZRestoreRevisionRequest = z.object({
  revisionId: ZId,
  /** The record's version as the person saw it; 0 when it is deleted. */
  expectedVersion: z.number().int().min(0),
});

export type TRestoreRevisionRequest = z.infer<typeof ZRestoreRevisionRequest>;
