// What an actor may do with a user, asked by pages (to offer a control) and by the users' services (to
// refuse): one answer for both. See lib/rights/capability.ts for when a refusal is 403 and when 404.
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { type Grant, holdsRight, type Rights } from "../rights/can";
import {
  allowedOf,
  type CapabilityActor,
  firstDenial,
  listVerdict,
  requireVerdict,
  rightVerdict,
  stateVerdict,
  type Verdict,
} from "../rights/capability";
import type { Access } from "../rights/catalog";
import { loadRights } from "../rights/load";

/** The user asked about; `rights` (all they hold, through roles and directly) once known. */
export interface UserTarget {
  id: string;
  logonName?: string;
  rights?: Rights;
}

/** The first right the user holds that the actor does not: acting on them would reach beyond the actor's rights. */
export function rightBeyond(actorRights: Rights, userRights: Rights): Grant | undefined {
  return userRights.find((right) => !holdsRight(actorRights, right));
}

/**
 * Any change to a user (their fields, access, roles, rights, password, second factor, or deleting them) needs
 * every right that user holds: nobody can act on a user more powerful than themselves.
 */
function notStronger(actor: CapabilityActor, user: UserTarget | undefined, what: string): Verdict {
  const beyond = user?.rights ? rightBeyond(actor.rights, user.rights) : undefined;
  if (!beyond) return null;
  return {
    kind: "right",
    objectType: beyond.objectType,
    access: beyond.access,
    objectId: beyond.objectId ?? undefined,
    hidden: false,
    detail: `Tried to ${what}, who holds ${beyond.access} on ${beyond.objectType}`,
  };
}

/** Why each thing is (not) allowed, in the order the service checks it; without a user, on users in general. */
export function userVerdicts(actor: CapabilityActor, user?: UserTarget) {
  const on = (access: Access) => rightVerdict(actor.rights, "user", access, user?.id);
  const name = user?.logonName ?? "a user";
  const self = user?.id === actor.id;
  return {
    list: listVerdict(actor.rights, "user"),
    view: on("view"),
    create: rightVerdict(actor.rights, "user", "create"),
    modify: firstDenial(on("modify"), notStronger(actor, user, `change ${name}`)),
    delete: firstDenial(
      on("delete"),
      stateVerdict(!self, "You cannot delete your own user."),
      notStronger(actor, user, "delete a user"),
    ),
    /** Giving roles or rights at all (each right given must also be the actor's own). */
    manageRights: on("manage_rights"),
    /** Changing this user's roles on the user form. */
    assignRoles: firstDenial(on("modify"), on("manage_rights"), notStronger(actor, user, `change ${name}`)),
    /** Changing the rights this user holds directly. */
    setRights: firstDenial(on("modify"), on("manage_rights"), notStronger(actor, user, `change the rights of ${name}`)),
    resetPassword: firstDenial(on("modify"), notStronger(actor, user, `reset the password of ${name}`)),
    resetSecondFactor: firstDenial(
      on("modify"),
      stateVerdict(!self, "Turn off your own second factor on your security page."),
      notStronger(actor, user, `reset the second factor of ${name}`),
    ),
  };
}

export type UserCapability = keyof ReturnType<typeof userVerdicts>;

/** What the actor may do with this user (or with users, without one); pass the user's rights to apply the stronger-user rule. */
export function userCapabilities(actor: CapabilityActor, user?: UserTarget): Record<UserCapability, boolean> {
  return allowedOf(userVerdicts(actor, user));
}

/** Throws (a refusal audited, 403 or 404; or an invalid request) unless the actor may. */
export async function requireUserCapability(actor: Actor, capability: UserCapability, user?: UserTarget) {
  await requireVerdict(actor, userVerdicts(actor, user)[capability]);
}

/** The same, with the user's rights loaded, so that acting on a stronger user is refused. */
export async function requireUserCapabilityOnHolder(
  actor: Actor,
  capability: UserCapability,
  user: { id: string; logonName?: string },
) {
  await requireUserCapability(actor, capability, { ...user, rights: await loadRights(db(), user.id) });
}
