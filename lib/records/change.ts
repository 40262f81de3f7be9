// One versioned-record change, the same steps for every area: the record as it stands → version check →
// unique-name check → one transaction holding the change, its audit row and its revision → Prisma's unique
// and not-found errors as the field error or "changed since you opened it" people understand.
// Rights are not decided here: the services decide them before they call this.
import type { Changes } from "../audit/diff";
import { type AuditActor, recordAudit } from "../audit/record";
import { db, type Tx } from "../db";
import { invalid, isRecordNotFound, isUniqueViolation, notFound, stale } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { RevisionAction } from "../generated/prisma/enums";

export interface RecordKind {
  objectType: string;
  /** How messages name one record: "role" → "This role was changed since you opened it." */
  noun: string;
  /** The field holding the record's unique name, and what people read when it is taken. */
  unique?: { field: string; message: string };
}

export interface ChangeOutcome<R> {
  result: R;
  objectId: string;
  objectName: string;
  /** The record's version after the change (for a delete, the version it had). */
  version: number;
  /** What the audit row records (secrets only as set, changed or cleared). */
  changes: Changes;
  /** The full record as it stands after the change (for a delete, as it was); secrets only sealed. */
  snapshot: Record<string, unknown>;
}

export interface Change<B, R> {
  action: RevisionAction;
  /** The audit row's action when it names the change more closely than the revision ("reset_password"). */
  auditAction?: string;
  /** For a change of an existing record: loads it inside the transaction; it must still have `version`. */
  current?: { load: (tx: Tx) => Promise<B | null>; version: number };
  /** True when another record holds the unique name already. */
  nameTaken?: (tx: Tx, current: B | undefined) => Promise<boolean>;
  apply: (tx: Tx, current: B | undefined) => Promise<ChangeOutcome<R>>;
}

/** Throws not-found or stale unless the record exists with the version the form was opened at. */
export function requireCurrent<B extends { version: number }>(kind: RecordKind, record: B | null, version: number): B {
  if (!record) throw notFound(`This ${kind.noun}`);
  if (record.version !== version) throw stale(kind.noun);
  return record;
}

export async function changeRecord<B extends { version: number }, R>(
  actor: AuditActor,
  kind: RecordKind,
  change: Change<B, R>,
): Promise<R> {
  const { unique } = kind;
  try {
    // Inside an import's ambient transaction (lib/db/ambient.ts) db() is that transaction: this joins it.
    return await db().$transaction(async (tx) => {
      const current = change.current
        ? requireCurrent(kind, await change.current.load(tx), change.current.version)
        : undefined;
      if (unique && change.nameTaken && (await change.nameTaken(tx, current))) {
        throw invalid({ [unique.field]: [unique.message] });
      }
      const outcome = await change.apply(tx, current);
      await writeChangeRecords(tx, actor, kind, change.action, outcome, change.auditAction);
      return outcome.result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw unique ? invalid({ [unique.field]: [unique.message] }) : stale(kind.noun);
    if (isRecordNotFound(error)) throw stale(kind.noun);
    throw error;
  }
}

/** The audit row and the revision of one change, in its transaction. */
export async function writeChangeRecords(
  tx: Tx,
  actor: AuditActor,
  kind: RecordKind,
  action: RevisionAction,
  outcome: ChangeOutcome<unknown>,
  auditAction: string = action,
): Promise<void> {
  const auditEventId = await recordAudit(tx, actor, {
    action: auditAction,
    objectType: kind.objectType,
    objectId: outcome.objectId,
    objectName: outcome.objectName,
    changes: outcome.changes,
  });
  await tx.revision.create({
    data: {
      objectType: kind.objectType,
      objectId: outcome.objectId,
      objectName: outcome.objectName,
      version: outcome.version,
      action,
      snapshot: outcome.snapshot as Prisma.InputJsonObject,
      auditEventId,
      actorId: actor.id,
      actorName: actor.logonName.slice(0, 200),
    },
  });
}
