// Handing on rights: nobody can grant a right they do not hold themselves.
import type { Actor } from "../auth/actor";
import type { RightSpec } from "../rights/built-in-roles";
import { holdsRight } from "../rights/can";
import { refuse } from "../rights/require";

/** Throws (audited) unless the actor holds every one of the rights. */
export async function requireHoldsAll(actor: Actor, rights: readonly RightSpec[], what: string): Promise<void> {
  const missing = rights.find((right) => !holdsRight(actor.rights, right));
  if (missing) {
    throw await refuse(
      actor,
      missing.objectType,
      missing.access,
      missing.objectId ?? undefined,
      `Tried to grant ${missing.access} on ${missing.objectType} (${what}) without holding it`,
    );
  }
}

export function rightKey(right: RightSpec): string {
  return `${right.objectType}:${right.access}:${right.objectId ?? "*"}`;
}
