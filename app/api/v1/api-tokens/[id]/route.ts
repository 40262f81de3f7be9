// One API token: read it, or revoke it (DELETE). Its owner may, and holders of view (read) or modify
// (revoke) on api_token; to others it does not exist. Tokens have no version: revoking is final and
// repeating it changes nothing, so no If-Match is asked.
import { z } from "zod";
import { apiTokenView } from "@/lib/api-tokens/api-views";
import { getApiToken, revokeApiToken } from "@/lib/api-tokens/service";
import type { RouteInput } from "@/lib/http/api-route";
import { defineApiRoute } from "@/lib/http/define-api-route";
import { ZId } from "@/lib/schemas";

type Params = { id: string };

export const GET = defineApiRoute({
  schema: z.object({ id: ZId }),
  input: ({ params }: RouteInput<Params>) => ({ id: params.id }),
  run: (actor, input) => getApiToken(actor, input.id),
  reply: (token) => ({ body: apiTokenView(token) }),
});

export const DELETE = defineApiRoute({
  schema: z.object({ id: ZId }),
  status: 204,
  input: ({ params }: RouteInput<Params>) => ({ id: params.id }),
  run: (actor, input) => revokeApiToken(actor, input),
  reply: () => ({}),
});
