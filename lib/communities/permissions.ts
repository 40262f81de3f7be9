// What an actor may do with communities, asked by pages (to offer a control) and by services (to refuse).
import { canAll, canOn, canSome, type Rights } from "../rights/can";

export interface CommunityCapabilities {
  view: boolean;
  modify: boolean;
  delete: boolean;
}

/** On one community: a right on every community or on this one. */
export function communityCapabilities(rights: Rights, communityId: string): CommunityCapabilities {
  return {
    view: canOn(rights, "community", "view", communityId),
    modify: canOn(rights, "community", "modify", communityId),
    delete: canOn(rights, "community", "delete", communityId),
  };
}

/** Creating needs the right on every community: a new one is in nobody's scope yet. */
export function mayCreateCommunity(rights: Rights): boolean {
  return canAll(rights, "community", "create");
}

/** Whether the list is shown at all (it then holds only the communities in the actor's scope). */
export function mayListCommunities(rights: Rights): boolean {
  return canSome(rights, "community", "view");
}
