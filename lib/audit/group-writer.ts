// Audit rows written in groups: a row handed over while a write is under way joins the next write, and
// every caller's promise settles only once its own row is stored. At volume (the inbound endpoint) many
// rows then share one statement and one commit, instead of one each, and no row is answered for before
// it is in the database. Rows are written in the order they were handed over.
// The statement goes straight through the driver (lib/db/read-rows.ts): through Prisma, createMany cost
// the server's thread its query compilation and, on the embedded database, a transaction around the one
// statement (three calls to the database thread instead of one) for every group.
import { dbAdapter } from "../db";
import { Prisma } from "../generated/prisma/client";
import { type AuditActor, type AuditEntry, auditRow } from "./record";

type Row = ReturnType<typeof auditRow>;

interface Pending {
  row: Row;
  /** When the row was handed over (milliseconds since the epoch): its time in the trail. */
  at: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface AuditGroupWriter {
  record(actor: AuditActor, entry: AuditEntry): Promise<void>;
}

/** Most rows in one statement; more wait for the next. */
const MAX_GROUP = 500;

/** One INSERT of the group's rows, every value bound; ids made by the database, as random as Prisma's uuid(). */
function insertStatement(group: readonly Pending[]): Prisma.Sql {
  const rows = group.map(({ row, at }) => {
    const changes = row.changes === undefined ? null : JSON.stringify(row.changes);
    // Stored as Prisma stores a DateTime: UTC, in a timestamp without time zone.
    return Prisma.sql`(gen_random_uuid()::text, to_timestamp(${at}::float8 / 1000) AT TIME ZONE 'UTC',
      ${row.actorId ?? null}, ${row.actorName}, ${row.clientAddress ?? null}, ${row.viaToken ?? null},
      ${row.action}, ${row.objectType ?? null}, ${row.objectId ?? null}, ${row.objectName ?? null},
      ${row.outcome ?? "success"}::"AuditOutcome", ${changes}::jsonb, ${row.detail ?? null})`;
  });
  return Prisma.sql`INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorName", "clientAddress", "viaToken",
    "action", "objectType", "objectId", "objectName", "outcome", "changes", "detail")
    VALUES ${Prisma.join(rows)}`;
}

export function createAuditGroupWriter(): AuditGroupWriter {
  let queue: Pending[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (queue.length > 0) {
        const group = queue.slice(0, MAX_GROUP);
        queue = queue.slice(group.length);
        try {
          const { text, values } = insertStatement(group);
          await dbAdapter().sql.query(text, values);
          for (const pending of group) pending.resolve();
        } catch (error) {
          for (const pending of group) pending.reject(error);
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    record(actor, entry) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ row: auditRow(actor, entry), at: Date.now(), resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
