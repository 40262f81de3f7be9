// The one place a refused attempt is turned into an error and an audit row.

import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { forbidden } from "../errors";
import { requireVerdict, rightVerdict } from "./capability";
import { ACCESS_LABELS, type Access, OBJECT_TYPE_LABELS, OBJECT_TYPE_SINGULAR, type ObjectType } from "./catalog";
import { objectNames } from "./objects";

export async function refuse(actor: Actor, objectType: ObjectType, access: Access, objectId?: string, detail?: string) {
  const accessWord = ACCESS_LABELS[access].toLowerCase();
  // The audit trail names the object, as people know it, rather than its id.
  const objectName = objectId ? ((await objectNames([objectId])).get(objectId) ?? null) : null;
  await recordAudit(db(), actor, {
    action: access,
    objectType,
    objectId,
    objectName,
    outcome: "refused",
    detail:
      detail ??
      (objectId
        ? `No ${accessWord} right on this ${OBJECT_TYPE_SINGULAR[objectType].toLowerCase()}`
        : `No ${accessWord} right on ${OBJECT_TYPE_LABELS[objectType].toLowerCase()}`),
  });
  return forbidden(`You do not have the ${accessWord} right on ${OBJECT_TYPE_LABELS[objectType].toLowerCase()}.`);
}

/**
 * Throws (after auditing the refusal) unless the actor holds the access, on the object when one is named:
 * 403, or 404 for an object the actor may not view (lib/rights/capability.ts). Areas ask their own
 * permissions file (lib/<area>/permissions.ts) instead, so that their pages ask the same.
 */
export async function requireRight(actor: Actor, objectType: ObjectType, access: Access, objectId?: string) {
  await requireVerdict(actor, rightVerdict(actor.rights, objectType, access, objectId));
}
