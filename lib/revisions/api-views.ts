// How history reads in /api/v1: revisions as the service presents them (secrets only as set/not set).
// The schemas are the OpenAPI document's; the views are typed by them.
import { z } from "zod";
import { ZChangeLineResponse } from "../audit/api-views";
import { ZTimestamp } from "../schemas";
import type { RevisionSummary } from "./service";

/** The path names the record: /api/v1/history/{type}/{id}. */
export type HistoryParams = { type: string; id: string };

export const ZRevisionResponse = z.object({
  id: z.uuid(),
  objectType: z.string(),
  objectId: z.string().describe("The record's id (a setting's: its key)."),
  objectName: z.string(),
  version: z.number().int().min(0).describe("The record's version after the change (for a delete: the one it had)."),
  action: z.enum(["create", "modify", "delete", "restore"]),
  actorName: z.string(),
  at: ZTimestamp,
  auditEventId: z.uuid(),
  snapshot: z
    .record(z.string(), z.unknown())
    .describe("The whole record as it stood after the change; secrets only as whether they were set."),
});

export const ZHistoryResponse = z.object({
  deleted: z.boolean(),
  version: z.number().int().min(0).describe("The record's version now, 0 once deleted: a restore's If-Match."),
  mayRestore: z.boolean().describe("Whether the token's owner may restore a revision of this record."),
  revisions: z
    .array(
      ZRevisionResponse.extend({
        viaToken: z.string().nullable().describe("The name of the API token the change was made with, if any."),
        changeLines: z.array(ZChangeLineResponse),
      }),
    )
    .describe("Newest first."),
});

export const ZRevisionDiffResponse = z.object({
  from: ZRevisionResponse,
  to: ZRevisionResponse,
  changeLines: z.array(ZChangeLineResponse),
});

export const ZRestoreResponse = z.object({
  objectType: z.string(),
  objectId: z.string(),
  version: z.number().int().min(1).describe("The record's version after the restore."),
});

export type TRevisionResponse = z.input<typeof ZRevisionResponse>;
export type THistoryResponse = z.input<typeof ZHistoryResponse>;
export type TRevisionDiffResponse = z.input<typeof ZRevisionDiffResponse>;
export type TRestoreResponse = z.input<typeof ZRestoreResponse>;

/** The service's summary is already what the API may show: copied field by field, so nothing else rides along. */
export function revisionView(revision: RevisionSummary): TRevisionResponse {
  return {
    id: revision.id,
    objectType: revision.objectType,
    objectId: revision.objectId,
    objectName: revision.objectName,
    version: revision.version,
    action: revision.action,
    actorName: revision.actorName,
    at: revision.at.toISOString(),
    auditEventId: revision.auditEventId,
    snapshot: revision.snapshot,
  };
}

export function historyView(history: {
  revisions: (RevisionSummary & {
    viaToken: string | null;
    changeLines: THistoryResponse["revisions"][number]["changeLines"];
  })[];
  current: { version: number } | null;
  mayRestore: boolean;
}): THistoryResponse {
  return {
    deleted: history.current === null,
    version: history.current?.version ?? 0,
    mayRestore: history.mayRestore,
    revisions: history.revisions.map((revision) => ({
      ...revisionView(revision),
      viaToken: revision.viaToken,
      changeLines: revision.changeLines,
    })),
  };
}

export function revisionDiffView(diff: {
  from: RevisionSummary;
  to: RevisionSummary;
  lines: TRevisionDiffResponse["changeLines"];
}): TRevisionDiffResponse {
  return { from: revisionView(diff.from), to: revisionView(diff.to), changeLines: diff.lines };
}
