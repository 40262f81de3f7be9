// Restores one of the record's revisions through its area's own save: the same rights, checks and audit.
// If-Match names the record's version now, as the history's ETag gives it; a deleted record has none, and
// the revisions service expects 0 for it (W/"0"), so restoring over a record revived meanwhile is stale.
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";
import type { HistoryParams, TRestoreResponse } from "@/lib/revisions/api-views";
import { ZRestoreRecordRevisionRequest } from "@/lib/revisions/schemas";
import { restoreRevision } from "@/lib/revisions/service";

export const POST = defineApiRoute({
  schema: ZRestoreRecordRevisionRequest,
  body: true,
  ifMatch: true,
  input: ({ params, body, version }: RouteInput<HistoryParams>) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    objectType: params.type,
    objectId: params.id,
    expectedVersion: version,
  }),
  run: async (actor, input) => {
    const { version } = await restoreRevision(actor, input.revisionId, input.expectedVersion, input);
    return { objectType: input.objectType, objectId: input.objectId, version } satisfies TRestoreResponse;
  },
  reply: (restored) => ({ body: restored, version: restored.version }),
});
