import { z } from "zod";
import { ZId } from "../schemas";

export const ZRestoreRevisionRequest = z.object({
  revisionId: ZId,
  /** The record's version as the person saw it; 0 when it is deleted. */
  expectedVersion: z.number().int().min(0),
});

export type TRestoreRevisionRequest = z.infer<typeof ZRestoreRevisionRequest>;

/** A record as a URL names it: its type and id (a setting's id is its key). */
export const ZRecordRef = z.object({
  objectType: z.string().min(1).max(64),
  objectId: z.string().min(1).max(200),
});

export const ZDiffRevisionsRequest = ZRecordRef.extend({ from: ZId, to: ZId });

/** A restore of one of the named record's revisions. */
export const ZRestoreRecordRevisionRequest = ZRestoreRevisionRequest.extend(ZRecordRef.shape);
