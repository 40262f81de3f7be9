// The one place a refused attempt is turned into an error and an audit row.

import { recordAudit } from "../audit/record";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { forbidden } from "../errors";
import { canAll, canOn } from "./can";
import { ACCESS_LABELS, type Access, OBJECT_TYPE_LABELS, type ObjectType } from "./catalog";

export async function refuse(actor: Actor, objectType: ObjectType, access: Access, objectId?: string, detail?: string) {
  await recordAudit(db(), actor, {
    action: access,
    objectType,
    objectId,
    outcome: "refused",
    detail: detail ?? `No ${access} right on ${objectType}${objectId ? ` ${objectId}` : ""}`,
  });
  return forbidden(
    `You do not have the ${ACCESS_LABELS[access].toLowerCase()} right on ${OBJECT_TYPE_LABELS[objectType].toLowerCase()}.`,
  );
}

/** Throws (after auditing the refusal) unless the actor holds the access, on the object when one is named. */
export async function requireRight(actor: Actor, objectType: ObjectType, access: Access, objectId?: string) {
  const allowed = objectId
    ? canOn(actor.rights, objectType, access, objectId)
    : canAll(actor.rights, objectType, access);
  if (!allowed) throw await refuse(actor, objectType, access, objectId);
}
