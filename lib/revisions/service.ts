// History of any versioned record: its revisions, the difference between two of them in the console's
// words, and restoring one through the area's own service. Secrets never leave as anything but "set".
import { describeChanges, rightObjectIds } from "../audit/describe";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { invalid, notFound } from "../errors";
import type { Revision } from "../generated/prisma/client";
import { OBJECT_TYPE_SINGULAR } from "../rights/catalog";
import { objectNames } from "../rights/objects";
import { type RevisionArea, requireExpected, revisionArea, type Snapshot } from "./areas";
import { historyCapabilities, requireHistoryCapability } from "./permissions";

const NOT_FOUND = "This record";

/**
 * The area of a record the actor may view. A record they may not see is refused (and audited) as if it
 * did not exist, so that history reveals nothing about it.
 */
async function requireViewable(actor: Actor, objectType: string, objectId: string): Promise<RevisionArea> {
  const area = revisionArea(objectType);
  if (!area) throw notFound(NOT_FOUND);
  await requireHistoryCapability(actor, "view", { objectType, objectId });
  return area;
}

function summary(revision: Revision, area: RevisionArea) {
  return {
    id: revision.id,
    objectType: revision.objectType,
    objectId: revision.objectId,
    objectName: revision.objectName,
    version: revision.version,
    action: revision.action,
    actorName: revision.actorName,
    at: revision.at,
    auditEventId: revision.auditEventId,
    snapshot: area.present(revision.snapshot as Snapshot),
  };
}

export type RevisionSummary = ReturnType<typeof summary>;

/** Newest first. */
export async function listRevisions(actor: Actor, objectType: string, objectId: string) {
  return (await recordHistory(actor, objectType, objectId)).revisions;
}

/**
 * A record's revisions (newest first), its version now (null when deleted: restoring expects 0) and
 * whether the actor may restore (the same rights the area's save asks for), for the history page.
 */
export async function recordHistory(actor: Actor, objectType: string, objectId: string) {
  const area = await requireViewable(actor, objectType, objectId);
  const current = await area.current(objectId);
  const { restore: mayRestore } = historyCapabilities(actor, { objectType, objectId, exists: !!current });
  const rows = await db().revision.findMany({
    where: { objectType, objectId },
    orderBy: [{ at: "desc" }, { version: "desc" }],
    include: { auditEvent: { select: { changes: true, viaToken: true } } },
    take: 500,
  });
  // What each version changed, from its audit row, in the audit trail's words.
  const names = await objectNames(rows.flatMap((row) => rightObjectIds(row.auditEvent.changes)));
  const revisions = rows.map(({ auditEvent, ...row }) => ({
    ...summary(row, area),
    /** The API token the change was made with, named as the audit trail names it. */
    viaToken: auditEvent.viaToken,
    changeLines: describeChanges({ action: row.action, objectType, changes: auditEvent.changes }, names),
  }));
  return { revisions, current, mayRestore };
}

/** A record named by its type and id, as a URL names it. */
export interface RecordRef {
  objectType: string;
  objectId: string;
}

/** A revision the actor may view; when `of` names a record, one of that record's revisions only. */
async function loadRevision(actor: Actor, id: string, of?: RecordRef) {
  const revision = await db().revision.findUnique({ where: { id } });
  if (!revision || (of && (revision.objectType !== of.objectType || revision.objectId !== of.objectId))) {
    throw notFound("This revision");
  }
  const area = await requireViewable(actor, revision.objectType, revision.objectId);
  return { revision, area };
}

/** What changed from one revision to another, field by field, as the audit trail words it. */
export async function diffRevisions(actor: Actor, fromId: string, toId: string, of?: RecordRef) {
  const from = await loadRevision(actor, fromId, of);
  const to = await loadRevision(actor, toId, of);
  if (from.revision.objectType !== to.revision.objectType || from.revision.objectId !== to.revision.objectId) {
    throw invalid({}, "These revisions belong to different records.");
  }
  const changes = from.area.changes(from.revision.snapshot as Snapshot, to.revision.snapshot as Snapshot);
  const names = await objectNames(rightObjectIds(changes));
  return {
    from: summary(from.revision, from.area),
    to: summary(to.revision, to.area),
    lines: describeChanges({ action: "modify", objectType: from.revision.objectType, changes }, names),
  };
}

/**
 * Saves a revision's record again, through the area's service: the same rights, schema and version check
 * as a save, a new revision (action restore), and a deleted record brought back under its old id (which
 * needs the create right). `expectedVersion` is the record's version as the person saw it, 0 if deleted.
 */
export async function restoreRevision(actor: Actor, revisionId: string, expectedVersion: number, of?: RecordRef) {
  const { revision, area } = await loadRevision(actor, revisionId, of);
  const current = await area.current(revision.objectId);
  // Existing records have their version checked by their area's save; "it was deleted" (0) is checked here.
  if (!current || expectedVersion === 0) {
    requireExpected(current, expectedVersion, OBJECT_TYPE_SINGULAR[area.objectType].toLowerCase());
  }
  const highest = await db().revision.aggregate({
    where: { objectType: revision.objectType, objectId: revision.objectId },
    _max: { version: true },
  });
  return area.restore(actor, {
    objectId: revision.objectId,
    snapshot: revision.snapshot as Snapshot,
    expectedVersion,
    exists: current !== null,
    nextVersion: (highest._max.version ?? 0) + 1,
  });
}
