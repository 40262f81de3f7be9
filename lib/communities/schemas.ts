// One set of schemas for the community forms, the server actions and /api/v1 (request and response).
import { z } from "zod";
import { ZId, ZVersion, zLine, zMultiline, zSecretText } from "../schemas";

export const SIGNED_IDENTITY_MODES = ["accept", "reject", "require"] as const;
export type SignedIdentityMode = (typeof SIGNED_IDENTITY_MODES)[number];

export const ZSignedIdentityMode = z.enum(SIGNED_IDENTITY_MODES, "Choose accept, reject or require.");

export const ZCommunityName = zLine({ max: 100, required: "Enter a name." });

/** As the seed says, a community needs nothing but its name: every setting has its default. */
export const ZCommunityFields = z.object({
  name: ZCommunityName,
  signedIdentities: ZSignedIdentityMode.default("reject"),
});

export const ZCreateCommunityRequest = ZCommunityFields;
export const ZUpdateCommunityRequest = ZCommunityFields.safeExtend({ id: ZId, version: ZVersion });

export const KEY_ID_PATTERN = /^[a-z0-9_]+$/;
export const HMAC_SECRET_PATTERN = /^[0-9a-f]{24}$/;

export const ZJwtKeyId = z
  .string()
  .trim()
  .min(1, "Enter the Key ID.")
  .max(100, "Use at most 100 characters.")
  .regex(KEY_ID_PATTERN, "Use only a-z, 0-9 and _ (no spaces, no capitals).");

export const ZHmacSecret = zSecretText(100).refine(
  (value) => HMAC_SECRET_PATTERN.test(value),
  "The secret must be exactly 24 characters, each 0-9 or a-f.",
);

export const ZAddJwtKeyRequest = z.discriminatedUnion(
  "kind",
  [
    z.object({ communityId: ZId, version: ZVersion, keyId: ZJwtKeyId, kind: z.literal("hmac"), secret: ZHmacSecret }),
    z.object({
      communityId: ZId,
      version: ZVersion,
      keyId: ZJwtKeyId,
      kind: z.literal("rsa"),
      publicKey: zMultiline({ max: 10_000, required: "Paste the RSA public key (PEM)." }),
    }),
  ],
  "Choose HMAC SHA256 or RSA SHA256.",
);

// The add-key form's own schema: both material fields present, checked by kind on the server (ZAddJwtKeyRequest).
export const ZJwtKeyForm = z.object({
  keyId: ZJwtKeyId,
  kind: z.enum(["hmac", "rsa"]),
  secret: z.string(),
  publicKey: z.string(),
});

export const ZRemoveJwtKeyRequest = z.object({ communityId: ZId, version: ZVersion, keyId: ZJwtKeyId });

export type TCreateCommunityRequest = z.infer<typeof ZCreateCommunityRequest>;
export type TUpdateCommunityRequest = z.infer<typeof ZUpdateCommunityRequest>;
export type TAddJwtKeyRequest = z.infer<typeof ZAddJwtKeyRequest>;
export type TRemoveJwtKeyRequest = z.infer<typeof ZRemoveJwtKeyRequest>;

/** How a JWT key reads in the console and /api/v1: never its secret, a public key only by size and fingerprint. */
export const ZJwtKeyView = z.object({
  keyId: z.string(),
  kind: z.enum(["hmac", "rsa"]),
  secret: z.enum(["set"]).optional(),
  keyBits: z.number().nullable(),
  fingerprint: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastVerifiedAt: z.string().nullable(),
  olderThanSixMonths: z.boolean(),
});
