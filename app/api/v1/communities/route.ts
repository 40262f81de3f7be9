// Communities: the list paged, searched and sorted like the console's, and creating one (a name is enough).

import { communityFieldsView, communityView } from "@/lib/communities/api-views";
import { ZCreateCommunityRequest } from "@/lib/communities/schemas";
import { createCommunity, listCommunities } from "@/lib/communities/service";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { ZListParams } from "@/lib/list/params";

export const GET = defineApiRoute({
  schema: ZListParams,
  input: ({ url }) => Object.fromEntries(url.searchParams),
  run: (actor, params) => listCommunities(actor, params),
  reply: (page) => ({
    body: {
      ...page,
      rows: page.rows.map((community) => ({
        ...communityFieldsView(community),
        jwtKeyCount: community._count.jwtKeys,
      })),
    },
  }),
});

export const POST = defineApiRoute({
  schema: ZCreateCommunityRequest,
  body: true,
  status: 201,
  input: ({ body }) => body,
  run: (actor, input) => createCommunity(actor, input),
  reply: (community) => ({
    // A new community has no keys, custom fields or mappings yet.
    body: communityView({ ...community, jwtKeys: [], customFields: [], extraValueMappings: [] }),
    version: community.version,
    location: `/api/v1/communities/${community.id}`,
  }),
});
