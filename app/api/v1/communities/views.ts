// How a community reads in /api/v1: its fields and its keys (never a secret; RSA keys by size and fingerprint).
import type { JwtKeyView } from "@/lib/communities/service";

interface CommunityFields {
  id: string;
  name: string;
  signedIdentities: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function communityFieldsView(community: CommunityFields) {
  return {
    id: community.id,
    name: community.name,
    signedIdentities: community.signedIdentities,
    version: community.version,
    createdAt: community.createdAt.toISOString(),
    updatedAt: community.updatedAt.toISOString(),
  };
}

export function communityView(
  community: CommunityFields & { jwtKeys: JwtKeyView[]; customFields?: unknown[]; extraValueMappings?: unknown[] },
) {
  return {
    ...communityFieldsView(community),
    jwtKeys: community.jwtKeys,
    customFields: community.customFields ?? [],
    extraValueMappings: community.extraValueMappings ?? [],
  };
}
