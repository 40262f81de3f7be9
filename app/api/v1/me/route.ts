// Who the token acts as, and with which rights (a read-only token's are its owner's view rights).
import { z } from "zod";
import { defineApiRoute } from "@/lib/http/define-api-route";

export const GET = defineApiRoute({
  schema: z.object({}),
  input: () => ({}),
  run: async (actor) => actor,
  reply: (actor) => ({
    body: {
      id: actor.id,
      logonName: actor.logonName,
      displayName: actor.displayName,
      token: actor.via ? { id: actor.via.tokenId, name: actor.via.tokenName } : null,
      rights: actor.rights.map(({ objectType, access, objectId, source }) => ({
        objectType,
        access,
        objectId,
        source,
      })),
    },
  }),
});
