// How the audit trail reads in /api/v1: changes as the console's audit page words them; raw before/after
// values stay inside. The schemas are the OpenAPI document's; the view is typed by them.
import { z } from "zod";
import { zPageOf } from "../list/params";
import { ZTimestamp } from "../schemas";
import type { ChangeLine } from "./describe";

export const ZChangeLineResponse = z.object({
  label: z.string().describe('What changed, as the console labels it: "Logon name".'),
  text: z.string().describe('What happened to it: "Doe → Doe-Smith", "secret replaced".'),
}) satisfies z.ZodType<ChangeLine>;

export const ZAuditEventResponse = z.object({
  id: z.uuid(),
  at: ZTimestamp,
  actorName: z.string(),
  clientAddress: z.string().nullable(),
  viaToken: z.string().nullable().describe("The name of the API token the change was made with, if any."),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  objectName: z.string().nullable(),
  outcome: z.enum(["success", "refused", "failed"]),
  changeLines: z.array(ZChangeLineResponse),
  detail: z.string().nullable(),
  revisionId: z.uuid().nullable().describe("The revision the change wrote: see /history/{type}/{id}."),
});

export const ZAuditListResponse = zPageOf(ZAuditEventResponse);

export type TAuditEventResponse = z.input<typeof ZAuditEventResponse>;
export type TAuditListResponse = z.input<typeof ZAuditListResponse>;

interface AuditRow extends Omit<TAuditEventResponse, "at" | "revisionId"> {
  at: Date;
  revision: { id: string } | null;
}

export function auditListView(page: Omit<TAuditListResponse, "rows"> & { rows: AuditRow[] }): TAuditListResponse {
  return {
    rows: page.rows.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actorName: event.actorName,
      clientAddress: event.clientAddress,
      viaToken: event.viaToken,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      objectName: event.objectName,
      outcome: event.outcome,
      changeLines: event.changeLines,
      detail: event.detail,
      revisionId: event.revision?.id ?? null,
    })),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
  };
}
