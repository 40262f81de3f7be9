// A record's revisions, newest first, with what each changed in the audit trail's words. The ETag is the
// version a restore's If-Match names: the record's version, or 0 once it is deleted.
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { type HistoryParams, historyView } from "@/lib/revisions/api-views";
import { ZRecordRef } from "@/lib/revisions/schemas";
import { recordHistory } from "@/lib/revisions/service";

export const GET = defineApiRoute({
  schema: ZRecordRef,
  input: ({ params }: RouteInput<HistoryParams>) => ({ objectType: params.type, objectId: params.id }),
  run: (actor, ref) => recordHistory(actor, ref.objectType, ref.objectId),
  reply: (history) => ({ body: historyView(history), version: history.current?.version ?? 0 }),
});
