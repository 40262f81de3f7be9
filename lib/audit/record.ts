// Writing audit rows: inside the change's own transaction, so a change and its row stand or fall together.
import type { Db, Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { AuditOutcome } from "../generated/prisma/enums";
import type { Changes } from "./diff";

export interface AuditActor {
  id: string | null;
  logonName: string;
  clientAddress: string | null;
  via?: { kind: "token"; tokenName: string };
}

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string | null;
  objectName?: string | null;
  outcome?: AuditOutcome;
  changes?: Changes;
  detail?: string;
}

/** Returns the row's id, so that a revision can point at the audit row of its change. */
export async function recordAudit(client: Db | Tx, actor: AuditActor, entry: AuditEntry): Promise<string> {
  const row = await client.auditEvent.create({ data: auditRow(actor, entry), select: { id: true } });
  return row.id;
}

/** The row an audit entry is stored as (also for writers that store several rows at once). */
export function auditRow(actor: AuditActor, entry: AuditEntry): Prisma.AuditEventCreateManyInput {
  return {
    actorId: actor.id,
    actorName: actor.logonName.slice(0, 200),
    clientAddress: actor.clientAddress,
    viaToken: actor.via?.kind === "token" ? actor.via.tokenName.slice(0, 200) : null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    objectName: entry.objectName ?? null,
    outcome: entry.outcome ?? "success",
    changes:
      entry.changes && Object.keys(entry.changes).length > 0 ? (entry.changes as Prisma.InputJsonObject) : undefined,
    detail: entry.detail,
  };
}
