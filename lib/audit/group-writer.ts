// Audit rows written in groups: a row handed over while a write is under way joins the next write, and
// every caller's promise settles only once its own row is stored. At volume (the inbound endpoint) many
// rows then share one statement and one commit, instead of one each, and no row is answered for before
// it is in the database. Rows are written in the order they were handed over.
import { db } from "../db";
import { type AuditActor, type AuditEntry, auditRow } from "./record";

interface Pending {
  row: ReturnType<typeof auditRow>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface AuditGroupWriter {
  record(actor: AuditActor, entry: AuditEntry): Promise<void>;
}

/** Most rows in one statement; more wait for the next. */
const MAX_GROUP = 500;

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
          await db().auditEvent.createMany({ data: group.map((pending) => pending.row) });
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
        queue.push({ row: auditRow(actor, entry), resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
