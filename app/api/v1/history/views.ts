// How history reads in /api/v1: revisions as the service presents them (secrets only as set/not set).
import type { RevisionSummary } from "@/lib/revisions/service";

/** The path names the record: /api/v1/history/{type}/{id}. */
export type HistoryParams = { type: string; id: string };

/** The service's summary is already what the API may show; only the time is written out. */
export function revisionView(revision: RevisionSummary) {
  return { ...revision, at: revision.at.toISOString() };
}
