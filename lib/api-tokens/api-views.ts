// How an API token reads in /api/v1: never its hash; its text only in the answer that created it.
// The schemas are the OpenAPI document's; the views are typed by them.
import { z } from "zod";

export const ZApiTokenResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The token's first characters, to recognise it; never enough to use it."),
  readOnly: z.boolean().describe("A read-only token acts with its owner's view rights only."),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  owner: z.object({
    id: z.uuid(),
    logonName: z.string().nullable().describe("Given in the list of everyone's tokens."),
  }),
});

export const ZCreatedApiTokenResponse = ZApiTokenResponse.extend({
  text: z.string().describe("The token itself: shown this once, only its hash is kept. Send it as `Bearer <text>`."),
});

export const ZApiTokenListResponse = z.object({ rows: z.array(ZApiTokenResponse) });

export type TApiTokenResponse = z.input<typeof ZApiTokenResponse>;

interface TokenRecord {
  id: string;
  name: string;
  prefix: string;
  readOnly: boolean;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
  userId: string;
  user?: { id: string; logonName: string };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function apiTokenView(token: TokenRecord): TApiTokenResponse {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    readOnly: token.readOnly,
    expiresAt: iso(token.expiresAt),
    lastUsedAt: iso(token.lastUsedAt),
    createdAt: token.createdAt.toISOString(),
    revokedAt: iso(token.revokedAt),
    owner: { id: token.userId, logonName: token.user?.logonName ?? null },
  };
}
