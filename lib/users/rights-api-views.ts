// How the rights a user holds directly (besides their roles') read in /api/v1, as the user page's rights
// block shows them. The schema is the OpenAPI document's; the view is typed by it.
import { z } from "zod";
import { ACCESSES, OBJECT_TYPES } from "../rights/catalog";

export const ZUserRightsResponse = z.object({
  id: z.uuid(),
  version: z.number().int().min(1).describe("The user's version: the If-Match of a change of these rights."),
  rights: z.array(
    z.object({
      objectType: z.enum(OBJECT_TYPES),
      access: z.enum(ACCESSES),
      objectId: z.string().nullable().describe("The one object the right is limited to; null for every object."),
    }),
  ),
});

export type TUserRightsResponse = z.input<typeof ZUserRightsResponse>;

export function userRightsView(user: {
  id: string;
  version: number;
  rights: { objectType: string; access: string; objectId: string | null }[];
}): TUserRightsResponse {
  return {
    id: user.id,
    version: user.version,
    rights: user.rights.map(({ objectType, access, objectId }) => ({
      objectType: objectType as TUserRightsResponse["rights"][number]["objectType"],
      access: access as TUserRightsResponse["rights"][number]["access"],
      objectId,
    })),
  };
}
