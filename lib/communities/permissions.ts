// What an actor may do with a community, asked by pages (to offer a control) and by the communities'
// services (to refuse): one answer for both, so a page never offers what the service would refuse.
// See lib/rights/capability.ts for when a refusal is 403 and when 404.
import type { Actor } from "../auth/actor";
import { allowedOf, type CapabilityActor, listVerdict, requireVerdict, rightVerdict } from "../rights/capability";
import type { Access } from "../rights/catalog";

/** The community asked about. */
export interface CommunityTarget {
  id: string;
}

/** Why each thing is (not) allowed; without a community, on communities in general. */
export function communityVerdicts(actor: CapabilityActor, community?: CommunityTarget) {
  const on = (access: Access) => rightVerdict(actor.rights, "community", access, community?.id);
  return {
    /** The list shows only the communities the actor may view. */
    list: listVerdict(actor.rights, "community"),
    view: on("view"),
    /** A new community is in nobody's scope yet: the right on every community. */
    create: rightVerdict(actor.rights, "community", "create"),
    modify: on("modify"),
    delete: on("delete"),
    /** Adding or removing a JWT key changes the community (its version, audit row and revision). */
    manageKeys: on("modify"),
    /** Custom fields and extra-value mappings are part of the community. */
    editExtraValues: on("modify"),
    /** The JWT tester answers what the public identity endpoint would: it reads the keys, stores nothing. */
    testJwt: on("view"),
    /** The mapping preview reads the saved mappings and stores nothing. */
    previewMapping: on("view"),
  };
}

export type CommunityCapability = keyof ReturnType<typeof communityVerdicts>;

export function communityCapabilities(
  actor: CapabilityActor,
  community?: CommunityTarget,
): Record<CommunityCapability, boolean> {
  return allowedOf(communityVerdicts(actor, community));
}

/** Throws (a refusal audited, 403; or 404 for a community the actor may not view) unless the actor may. */
export async function requireCommunityCapability(
  actor: Actor,
  capability: CommunityCapability,
  community?: CommunityTarget,
) {
  await requireVerdict(actor, communityVerdicts(actor, community)[capability]);
}
