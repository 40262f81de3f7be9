// Where an identity's extra values would land under the community's mappings. Nothing is stored.
import { previewMapping, ZMappingPreviewRequest } from "@/lib/communities/mapping-preview";
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const POST = defineApiRoute({
  schema: ZMappingPreviewRequest,
  body: true,
  input: ({ params, body }: RouteInput<{ id: string }>) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    communityId: params.id,
  }),
  run: previewMapping,
  reply: (result) => ({ body: result }),
});
