// API tokens: the token's owner lists theirs (?owner=all: everyone's, for holders of view on api_token) and
// creates one for themselves. The created token's text is in the 201 answer, once; only its hash is kept.

import { apiTokenView } from "@/lib/api-tokens/api-views";
import { ZApiTokenListFilter, ZCreateApiTokenRequest } from "@/lib/api-tokens/schemas";
import { createApiToken, listAllApiTokens, listOwnApiTokens } from "@/lib/api-tokens/service";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const GET = defineApiRoute({
  schema: ZApiTokenListFilter,
  input: ({ url }) => ({ owner: url.searchParams.get("owner") ?? "me" }),
  run: (actor, filter) => (filter.owner === "all" ? listAllApiTokens(actor) : listOwnApiTokens(actor)),
  reply: (tokens) => ({ body: { rows: tokens.map(apiTokenView) } }),
});

export const POST = defineApiRoute({
  schema: ZCreateApiTokenRequest,
  body: true,
  status: 201,
  input: ({ body }) => body,
  run: (actor, input) => createApiToken(actor, input),
  reply: ({ token, text }) => ({
    body: { ...apiTokenView(token), text },
    location: `/api/v1/api-tokens/${token.id}`,
  }),
});
