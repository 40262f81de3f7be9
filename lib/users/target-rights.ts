// Acting on a user more powerful than oneself is refused, whatever the change.
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { holdsRight } from "../rights/can";
import { loadRights } from "../rights/load";
import { refuse } from "../rights/require";

/**
 * Any change to a user (their fields, access, roles, rights, password, or deleting them) needs every
 * right that user holds: nobody can act on a user more powerful than themselves.
 */
export async function requireHoldsTargetRights(actor: Actor, userId: string, what: string) {
  const beyond = (await loadRights(db(), userId)).find((right) => !holdsRight(actor.rights, right));
  if (beyond) {
    throw await refuse(
      actor,
      beyond.objectType,
      beyond.access,
      beyond.objectId ?? undefined,
      `Tried to ${what}, who holds ${beyond.access} on ${beyond.objectType}`,
    );
  }
}
