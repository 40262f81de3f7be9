// A community's custom fields and extra-value mappings, replaced whole with If-Match on the community.

import { communityView } from "@/lib/communities/api-views";
import { ZUpdateExtraValuesRequest } from "@/lib/communities/extra-values";
import { getCommunity, updateExtraValues } from "@/lib/communities/service";
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const PUT = defineApiRoute({
  schema: ZUpdateExtraValuesRequest,
  body: true,
  ifMatch: true,
  input: ({ params, body, version }: RouteInput<{ id: string }>) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    communityId: params.id,
    version,
  }),
  run: async (actor, input) => {
    await updateExtraValues(actor, input);
    return getCommunity(actor, input.communityId);
  },
  reply: (community) => ({ body: communityView(community), version: community.version }),
});
