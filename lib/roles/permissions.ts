// What an actor may do with a role, asked by pages (to offer a control) and by the roles' service (to
// refuse): one answer for both. See lib/rights/capability.ts for when a refusal is 403 and when 404.
import type { Actor } from "../auth/actor";
import {
  allowedOf,
  type CapabilityActor,
  firstDenial,
  listVerdict,
  requireVerdict,
  rightVerdict,
  stateVerdict,
} from "../rights/capability";
import type { Access } from "../rights/catalog";

export const BUILT_IN_FIXED = "Built-in roles cannot be changed or deleted. Create a role of your own instead.";

/** The role asked about; `builtIn` (a built-in role's key, null for others) once it is loaded. */
export interface RoleTarget {
  id: string;
  builtIn?: string | null;
}

/** Why each thing is (not) allowed, in the order the service checks it; without a role, on roles in general. */
export function roleVerdicts(actor: CapabilityActor, role?: RoleTarget) {
  const on = (access: Access) => rightVerdict(actor.rights, "role", access, role?.id);
  const fixed = stateVerdict(!role?.builtIn, BUILT_IN_FIXED);
  return {
    list: listVerdict(actor.rights, "role"),
    view: on("view"),
    create: rightVerdict(actor.rights, "role", "create"),
    modify: firstDenial(on("modify"), fixed),
    delete: firstDenial(on("delete"), fixed),
    /** Giving the role rights (each must also be the actor's own). */
    manageRights: on("manage_rights"),
  };
}

export type RoleCapability = keyof ReturnType<typeof roleVerdicts>;

export function roleCapabilities(actor: CapabilityActor, role?: RoleTarget): Record<RoleCapability, boolean> {
  return allowedOf(roleVerdicts(actor, role));
}

/** Throws (a refusal audited, 403 or 404; or an invalid request for a built-in role) unless the actor may. */
export async function requireRoleCapability(actor: Actor, capability: RoleCapability, role?: RoleTarget) {
  await requireVerdict(actor, roleVerdicts(actor, role)[capability]);
}
