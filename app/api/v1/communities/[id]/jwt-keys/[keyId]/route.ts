// Removing one JWT key: its own step, with If-Match naming the community's version.
import { ZRemoveJwtKeyRequest } from "@/lib/communities/schemas";
import { removeJwtKey } from "@/lib/communities/service";
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const DELETE = defineApiRoute({
  schema: ZRemoveJwtKeyRequest,
  ifMatch: true,
  input: ({ params, version }: RouteInput<{ id: string; keyId: string }>) => ({
    communityId: params.id,
    keyId: params.keyId,
    version,
  }),
  run: removeJwtKey,
  reply: (community) => ({ body: { id: community.id, version: community.version }, version: community.version }),
});
