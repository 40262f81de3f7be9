// The rights a user holds directly (the seed's User Rights block): one schema for the form and the server.
import { z } from "zod";
import { ZRight } from "../roles/schemas";
import { ZId, ZVersion } from "./schemas";

export const ZUserRightsFields = z.object({ rights: z.array(ZRight).max(500) });

export const ZSetUserRightsRequest = ZUserRightsFields.extend({ id: ZId, version: ZVersion });

export type TSetUserRightsRequest = z.infer<typeof ZSetUserRightsRequest>;
