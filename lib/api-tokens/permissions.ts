// What an actor may do with API tokens, asked by the tokens page and by the tokens' service: one answer for
// both. Everybody makes and revokes their own tokens; rights on api_token reach everybody else's.
// See lib/rights/capability.ts for when a refusal is 403 and when 404.
import type { Actor } from "../auth/actor";
import { canAll } from "../rights/can";
import { allowedOf, type CapabilityActor, requireVerdict, rightVerdict, type Verdict } from "../rights/capability";

/** The token asked about by its id; `userId` (its owner) when it exists. */
export interface TokenTarget {
  id: string;
  userId?: string;
}

export function apiTokenVerdicts(actor: CapabilityActor, token?: TokenTarget) {
  const own = !!token?.userId && token.userId === actor.id;
  const modifyAll = rightVerdict(actor.rights, "api_token", "modify", token?.id);
  // Others' tokens are not even there for someone who may not view them (nor is a token that does not exist).
  const revoke: Verdict =
    own || modifyAll?.kind !== "right"
      ? null
      : { ...modifyAll, hidden: !token?.userId || !canAll(actor.rights, "api_token", "view") };
  const viewAll = rightVerdict(actor.rights, "api_token", "view");
  return {
    /** Every user's tokens, not only one's own. */
    viewAll,
    /** One token: one's own, or anybody's with view on api_token (to others it does not exist). */
    view: own || !viewAll ? null : { ...viewAll, objectId: token?.id, hidden: true },
    revoke,
  };
}

export type ApiTokenCapability = keyof ReturnType<typeof apiTokenVerdicts>;

export function apiTokenCapabilities(actor: CapabilityActor, token?: TokenTarget): Record<ApiTokenCapability, boolean> {
  return allowedOf(apiTokenVerdicts(actor, token));
}

/** Throws (a refusal audited, 403 or 404) unless the actor may. */
export async function requireApiTokenCapability(actor: Actor, capability: ApiTokenCapability, token?: TokenTarget) {
  await requireVerdict(actor, apiTokenVerdicts(actor, token)[capability]);
}
