// How a community reads in /api/v1: its fields, its JWT keys (never a secret; RSA keys by size and
// fingerprint), its custom fields and extra-value mappings. The schemas are the OpenAPI document's; the
// views are typed by them, so the two cannot drift apart.
import { z } from "zod";
import { zPageOf } from "../list/params";
import { ZTimestamp } from "../schemas";
import { type TCustomField, type TMapping, ZCustomField, ZMapping } from "./extra-values";
import { ZJwtKeyView, ZSignedIdentityMode } from "./schemas";
import type { JwtKeyView } from "./service";

export const ZCommunityFieldsResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  signedIdentities: ZSignedIdentityMode,
  version: z.number().int().min(1),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});

export const ZCommunityResponse = ZCommunityFieldsResponse.extend({
  jwtKeys: z.array(ZJwtKeyView),
  customFields: z.array(ZCustomField),
  extraValueMappings: z.array(ZMapping),
});

export const ZCommunityListResponse = zPageOf(
  ZCommunityFieldsResponse.extend({ jwtKeyCount: z.number().int().min(0) }),
);

/** Removing a key answers the community's new version: the next change's If-Match. */
export const ZJwtKeyRemovedResponse = z.object({ id: z.uuid(), version: z.number().int().min(1) });

export type TCommunityFieldsResponse = z.input<typeof ZCommunityFieldsResponse>;
export type TCommunityResponse = z.input<typeof ZCommunityResponse>;

interface CommunityFields {
  id: string;
  name: string;
  signedIdentities: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function communityFieldsView(community: CommunityFields): TCommunityFieldsResponse {
  return {
    id: community.id,
    name: community.name,
    signedIdentities: community.signedIdentities as TCommunityFieldsResponse["signedIdentities"],
    version: community.version,
    createdAt: community.createdAt.toISOString(),
    updatedAt: community.updatedAt.toISOString(),
  };
}

export function communityView(
  community: CommunityFields & {
    jwtKeys: JwtKeyView[];
    customFields?: TCustomField[];
    extraValueMappings?: TMapping[];
  },
): TCommunityResponse {
  return {
    ...communityFieldsView(community),
    jwtKeys: community.jwtKeys,
    customFields: community.customFields ?? [],
    extraValueMappings: community.extraValueMappings ?? [],
  };
}
