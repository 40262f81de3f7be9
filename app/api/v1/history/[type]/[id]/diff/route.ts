// What changed between two of a record's revisions (?from=<revisionId>&to=<revisionId>), field by field.
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { type HistoryParams, revisionDiffView } from "@/lib/revisions/api-views";
import { ZDiffRevisionsRequest } from "@/lib/revisions/schemas";
import { diffRevisions } from "@/lib/revisions/service";

export const GET = defineApiRoute({
  schema: ZDiffRevisionsRequest,
  input: ({ params, url }: RouteInput<HistoryParams>) => ({
    objectType: params.type,
    objectId: params.id,
    from: url.searchParams.get("from") ?? undefined,
    to: url.searchParams.get("to") ?? undefined,
  }),
  run: (actor, input) => diffRevisions(actor, input.from, input.to, input),
  reply: (diff) => ({ body: revisionDiffView(diff) }),
});
