// Reading the audit trail: only with the view right on audit; filtered by actor, object type, action, time.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { readRows } from "../db/read-rows";
import { type AuditEvent, Prisma } from "../generated/prisma/client";
import { type Counting, ZListParams } from "../list/params";
import { readPage } from "../list/sql-page";
import { objectNames } from "../rights/objects";
import { zLine } from "../schemas";
import { describeChanges, rightObjectIds } from "./describe";
import { requireAuditCapability } from "./permissions";

const optionalText = zLine({ max: 200 }).optional().catch(undefined);
// The filter form's datetime-local inputs carry no zone; the audit trail works in UTC throughout.
const optionalDate = z
  .preprocess(
    (v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v}Z` : v),
    z.coerce.date(),
  )
  .optional()
  .catch(undefined);

export const ZAuditFilter = ZListParams.pick({ page: true }).extend({
  actor: optionalText,
  objectType: optionalText,
  action: optionalText,
  outcome: z.enum(["success", "refused", "failed"]).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
});

export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** A row of the trail as the list reads it: the event, and its revision when the change wrote one. */
export type AuditListRow = AuditEvent & { revision: { id: string } | null };

export async function listAuditEvents(actor: Actor, filter: TAuditFilter, counting: Counting = "exact") {
  await requireAuditCapability(actor, "view");
  const conditions: Prisma.Sql[] = [];
  if (filter.objectType) conditions.push(Prisma.sql`a."objectType" = ${filter.objectType}`);
  if (filter.action) conditions.push(Prisma.sql`a."action" = ${filter.action}`);
  if (filter.outcome) conditions.push(Prisma.sql`a."outcome" = ${filter.outcome}::"AuditOutcome"`);
  // The column holds UTC without a zone; an ISO text's zone is ignored by the cast, whatever the drivers' own zone.
  if (filter.from) conditions.push(Prisma.sql`a."at" >= ${filter.from.toISOString()}::timestamp`);
  if (filter.to) conditions.push(Prisma.sql`a."at" <= ${filter.to.toISOString()}::timestamp`);
  const page = await readPage<AuditListRow>(
    { dir: "desc", page: filter.page },
    {
      table: "AuditEvent",
      alias: "a",
      search: { text: filter.actor, columns: ["actorName"] },
      columns: [
        "id",
        "actorId",
        "actorName",
        "clientAddress",
        "action",
        "objectType",
        "objectId",
        "objectName",
        "outcome",
        "changes",
        "detail",
        "viaToken",
      ],
      timestamps: ["at"],
      // A change that wrote a revision links to the record's history.
      related: [
        Prisma.sql`(SELECT json_build_object('id', r."id") FROM "Revision" r WHERE r."auditEventId" = a."id") AS "revision"`,
      ],
      where: conditions,
      sorts: ["at"],
      ties: "desc",
    },
    counting,
  );
  // Rights limited to one object name it; one lookup for the whole page.
  const names = await objectNames(page.rows.flatMap((row) => rightObjectIds(row.changes)));
  return { ...page, rows: page.rows.map((row) => ({ ...row, changeLines: describeChanges(row, names) })) };
}

/** The actions that occur in the trail, for the filter's choices. */
export async function auditActions(actor: Actor): Promise<string[]> {
  await requireAuditCapability(actor, "view");
  // Prisma's `distinct` reads every row and de-duplicates in memory (100,000 rows for a dozen actions).
  // This walks the (action, at) index instead: one index probe per distinct action, whatever the trail's size.
  const rows = await readRows<{ action: string }>(Prisma.sql`
    WITH RECURSIVE actions(action) AS (
      (SELECT "action" FROM "AuditEvent" ORDER BY "action" LIMIT 1)
      UNION ALL
      SELECT (SELECT "action" FROM "AuditEvent" WHERE "action" > actions.action ORDER BY "action" LIMIT 1)
      FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL ORDER BY action`);
  return rows.map((r) => r.action);
}
