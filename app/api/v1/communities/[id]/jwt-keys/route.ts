// Adding a JWT key to a community: If-Match names the community's version, since a key is part of it.
// The reply is the community as it now stands (its keys without any secret).

import { communityView } from "@/lib/communities/api-views";
import { ZAddJwtKeyRequest } from "@/lib/communities/schemas";
import { addJwtKey, getCommunity } from "@/lib/communities/service";
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const POST = defineApiRoute({
  schema: ZAddJwtKeyRequest,
  body: true,
  ifMatch: true,
  status: 201,
  input: ({ params, body, version }: RouteInput<{ id: string }>) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    communityId: params.id,
    version,
  }),
  run: async (actor, input) => {
    await addJwtKey(actor, input);
    return getCommunity(actor, input.communityId);
  },
  reply: (community) => ({ body: communityView(community), version: community.version }),
});
