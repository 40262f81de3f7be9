// One community: read with its ETag; replace (name, signed identities) or delete it with If-Match.
import { ZUpdateCommunityRequest } from "@/lib/communities/schemas";
import { deleteCommunity, getCommunity, updateCommunity } from "@/lib/communities/service";
import { recordRoutes } from "@/lib/http/record-routes";
import { communityView } from "../views";

const routes = recordRoutes({
  read: getCommunity,
  readReply: (community) => ({ body: communityView(community), version: community.version }),
  updateSchema: ZUpdateCommunityRequest,
  update: (actor, input) => updateCommunity(actor, input),
  // The keys are not part of a replace: read the community again to see them.
  updateReply: (community) => ({ body: communityView({ ...community, jwtKeys: [] }), version: community.version }),
  remove: deleteCommunity,
});

export const GET = routes.GET;
export const PUT = routes.PUT;
export const DELETE = routes.DELETE;
