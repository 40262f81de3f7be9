// The rights a user holds directly: read with the user's ETag, replaced as a whole with If-Match, under
// the console's rules (manage_rights, only rights the actor holds, the user's sessions end).
import { z } from "zod";
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { ZId } from "@/lib/schemas";
import { setUserRights } from "@/lib/users/direct-rights";
import { ZSetUserRightsRequest } from "@/lib/users/direct-rights-schemas";
import { userRightsView } from "@/lib/users/rights-api-views";
import { getUser } from "@/lib/users/service";

type Params = { id: string };

export const GET = defineApiRoute({
  schema: z.object({ id: ZId }),
  input: ({ params }: RouteInput<Params>) => ({ id: params.id }),
  run: async (actor, input) => (await getUser(actor, input.id)).user,
  reply: (user) => ({ body: userRightsView(user), version: user.version }),
});

export const PUT = defineApiRoute({
  schema: ZSetUserRightsRequest,
  body: true,
  ifMatch: true,
  input: ({ params, body, version }: RouteInput<Params>) => ({
    ...(typeof body === "object" && body !== null ? body : {}),
    id: params.id,
    version,
  }),
  run: setUserRights,
  reply: (user) => ({ body: userRightsView(user), version: user.version }),
});
