// How the token's actor reads in /api/v1 (GET /me): who it acts as and with which rights. The schema is
// the OpenAPI document's; the view is typed by it.
import { z } from "zod";
import { ZRightResponse } from "../roles/api-views";
import type { Actor } from "./actor";

export const ZMeResponse = z.object({
  id: z.uuid(),
  logonName: z.string(),
  displayName: z.string(),
  token: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("The token this request came with."),
  rights: z
    .array(
      ZRightResponse.extend({
        source: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("role"), roleId: z.uuid(), roleName: z.string() }),
          z.object({ kind: z.literal("direct") }),
        ]),
      }),
    )
    .describe("The rights the token acts with: a read-only token's are its owner's view rights."),
});

export type TMeResponse = z.input<typeof ZMeResponse>;

export function meView(actor: Actor): TMeResponse {
  return {
    id: actor.id,
    logonName: actor.logonName,
    displayName: actor.displayName,
    token: actor.via ? { id: actor.via.tokenId, name: actor.via.tokenName } : null,
    rights: actor.rights.map(({ objectType, access, objectId, source }) => ({ objectType, access, objectId, source })),
  };
}
