// One community: read with its ETag; replace its name and signed identities, or delete it, with If-Match.

import { communityView } from "@/lib/communities/api-views";
import { ZUpdateCommunityRequest } from "@/lib/communities/schemas";
import { deleteCommunity, getCommunity, updateCommunity } from "@/lib/communities/service";
import { recordRoutes } from "@/lib/http/record-routes";

const routes = recordRoutes({
  read: getCommunity,
  readReply: (community) => ({ body: communityView(community), version: community.version }),
  updateSchema: ZUpdateCommunityRequest,
  // Keys, custom fields and mappings are not part of a replace (they have their own routes); the reply shows them.
  update: async (actor, input) => {
    await updateCommunity(actor, input);
    return getCommunity(actor, input.id);
  },
  updateReply: (community) => ({ body: communityView(community), version: community.version }),
  remove: deleteCommunity,
});

export const GET = routes.GET;
export const PUT = routes.PUT;
export const DELETE = routes.DELETE;
