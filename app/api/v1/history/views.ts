// How history reads in /api/v1: revisions as the service presents them (secrets only as set/not set).
import type { RevisionSummary } from "@/lib/revisions/service";

/** The path names the record: /api/v1/history/{type}/{id}. */
export type HistoryParams = { type: string; id: string };

export function revisionView(revision: RevisionSummary) {
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
