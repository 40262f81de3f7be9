// One set of schemas for the API token form and the server that re-checks them.
import { z } from "zod";
import { ZId } from "../users/schemas";

/** Longest a token may live: a year, so that forgotten tokens end on their own. */
export const MAX_TOKEN_DAYS = 366;

export const ZCreateApiTokenRequest = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name that says what the token is for.")
    .max(100, "Use at most 100 characters."),
  /** Days until the token expires; null for a token that lasts until it is revoked. */
  expiresInDays: z
    .number("Choose when the token expires.")
    .int()
    .min(1, "A token lasts at least one day.")
    .max(MAX_TOKEN_DAYS, `A token lasts at most ${MAX_TOKEN_DAYS} days.`)
    .nullable(),
  readOnly: z.boolean(),
});

export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

export const ZRevokeApiTokenRequest = z.object({ id: ZId });

export type TRevokeApiTokenRequest = z.infer<typeof ZRevokeApiTokenRequest>;

/** The token list's query string: one's own tokens, or (`owner=all`, with view on api_token) everyone's. */
export const ZApiTokenListFilter = z.object({ owner: z.enum(["me", "all"]).catch("me") });
