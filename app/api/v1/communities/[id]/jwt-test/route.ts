// The JWT tester through the API: what the identity endpoint would make of a token under each mode.
// Nothing sent is stored or logged.
import { testJwt, ZJwtTestRequest } from "@/lib/communities/jwt-tester";
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const POST = defineApiRoute({
  schema: ZJwtTestRequest,
  body: true,
  input: ({ params, body }: RouteInput<{ id: string }>) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    communityId: params.id,
  }),
  run: (actor, input) => testJwt(actor, input),
  reply: (result) => ({ body: result }),
});
