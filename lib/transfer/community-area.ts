// Communities in an export: name, signed-identity mode, custom fields and extra-value mappings, and JWT
// keys by Key ID (an RSA public key travels, it is no secret; an HMAC secret never does). Applied through
// the communities' services, one step each (add keys, save the form, save extra values, remove keys), so
// rights, the Require-needs-a-key rule, audit rows and revisions are a save's.
import { z } from "zod";
import { type Changes, diff } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { storedSettings, ZCustomField, ZMapping, ZUpdateExtraValuesRequest } from "../communities/extra-values";
import { parseRsaPublicKey } from "../communities/key-material";
import {
  ZAddJwtKeyRequest,
  ZCommunityName,
  ZCreateCommunityRequest,
  ZHmacSecret,
  ZJwtKeyId,
  ZRemoveJwtKeyRequest,
  ZSignedIdentityMode,
  ZUpdateCommunityRequest,
} from "../communities/schemas";
import {
  addJwtKey,
  createCommunity,
  readableExtraValues,
  removeJwtKey,
  updateCommunity,
  updateExtraValues,
} from "../communities/service";
import { db } from "../db";
import { type FieldErrors, invalid } from "../errors";
import { canSome, scopeOf, scopeWhere } from "../rights/can";
import { zMultiline } from "../schemas";
import { defineArea, NEEDS_SECRET, type Stored } from "./area";
import { parseRequest } from "./parse";

const ZPortableJwtKey = z.discriminatedUnion(
  "kind",
  [
    /** The secret is never exported; a document may carry one to add the key (a new key needs it). */
    z.strictObject({ keyId: ZJwtKeyId, kind: z.literal("hmac"), secret: ZHmacSecret.optional() }),
    z.strictObject({
      keyId: ZJwtKeyId,
      kind: z.literal("rsa"),
      publicKey: zMultiline({ max: 10_000, required: "Paste the RSA public key (PEM)." }),
    }),
  ],
  "Choose hmac or rsa.",
);

const ZPortableCommunity = z.strictObject({
  name: ZCommunityName,
  signedIdentities: ZSignedIdentityMode.default("reject"),
  customFields: z.array(ZCustomField).max(100).default([]),
  extraValueMappings: z.array(ZMapping).max(200).default([]),
  jwtKeys: z.array(ZPortableJwtKey).max(50).default([]),
});
type TPortableCommunity = z.infer<typeof ZPortableCommunity>;
type TPortableJwtKey = z.infer<typeof ZPortableJwtKey>;

const KEY_MATERIAL_DIFFERS =
  "This community has a key with this Key ID and other key material: keys are never replaced. Rotate: add the new key under a new Key ID, then remove this one.";

const withKeys = { jwtKeys: { orderBy: { createdAt: "asc" as const } } };

function portableCommunity(community: {
  name: string;
  signedIdentities: TPortableCommunity["signedIdentities"];
  customFields: unknown;
  extraValueMappings: unknown;
  jwtKeys: { keyId: string; kind: string; publicKeyPem: string | null }[];
}): TPortableCommunity {
  const { customFields, mappings } = storedSettings(community.customFields, community.extraValueMappings);
  return {
    name: community.name,
    signedIdentities: community.signedIdentities,
    customFields,
    extraValueMappings: mappings,
    jwtKeys: community.jwtKeys.map((key) =>
      key.kind === "rsa"
        ? { keyId: key.keyId, kind: "rsa", publicKey: key.publicKeyPem ?? "" }
        : { keyId: key.keyId, kind: "hmac" },
    ),
  };
}

/** The fields as the audit trail words them (one line per custom field and mapping). */
const auditFields = (community: TPortableCommunity) => ({
  name: community.name,
  signedIdentities: community.signedIdentities,
  ...readableExtraValues(community.customFields, community.extraValueMappings),
});

/** Whether an incoming key differs from the stored one of the same Key ID (a new secret counts). */
function materialDiffers(stored: TPortableJwtKey, incoming: TPortableJwtKey): boolean {
  if (stored.kind !== incoming.kind) return true;
  if (incoming.kind === "hmac") return incoming.secret !== undefined;
  const parsed = parseRsaPublicKey(incoming.publicKey);
  return !parsed.ok || parsed.pem.trim() !== (stored.kind === "rsa" ? stored.publicKey.trim() : "");
}

/** Keys by Key ID: added, removed, or (refused on import) replaced; never key material. */
function keyChanges(stored: TPortableCommunity, incoming: TPortableCommunity): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const key of incoming.jwtKeys) {
    const existing = stored.jwtKeys.find((k) => k.keyId === key.keyId);
    if (!existing) changes[key.keyId] = `added (${key.kind === "rsa" ? "RSA SHA256" : "HMAC SHA256"})`;
    else if (materialDiffers(existing, key)) changes[key.keyId] = "replaced";
  }
  for (const key of stored.jwtKeys)
    if (!incoming.jwtKeys.some((k) => k.keyId === key.keyId)) changes[key.keyId] = "removed";
  return changes;
}

/** The keys to add, each with its material; refuses replaced keys and new HMAC keys without a secret. */
function keysToAdd(stored: TPortableCommunity | null, incoming: TPortableCommunity) {
  const errors: FieldErrors = {};
  const added: TPortableJwtKey[] = [];
  incoming.jwtKeys.forEach((key, index) => {
    const existing = stored?.jwtKeys.find((k) => k.keyId === key.keyId);
    if (existing) {
      if (materialDiffers(existing, key)) errors[`jwtKeys.${index}`] = [KEY_MATERIAL_DIFFERS];
    } else if (key.kind === "hmac" && key.secret === undefined) errors[`jwtKeys.${index}.secret`] = [NEEDS_SECRET];
    else added.push(key);
  });
  if (Object.keys(errors).length > 0) throw invalid(errors, "Some JWT keys cannot be imported as they are.");
  return added;
}

async function addKeys(actor: Actor, communityId: string, version: number, keys: readonly TPortableJwtKey[]) {
  let current = version;
  for (const key of keys) {
    const material =
      key.kind === "hmac" ? { kind: "hmac", secret: key.secret } : { kind: "rsa", publicKey: key.publicKey };
    const input = parseRequest(ZAddJwtKeyRequest, { communityId, version: current, keyId: key.keyId, ...material });
    current = (await addJwtKey(actor, input)).version;
  }
  return current;
}

const sameExtraValues = (a: TPortableCommunity, b: TPortableCommunity) =>
  JSON.stringify([a.customFields, a.extraValueMappings]) === JSON.stringify([b.customFields, b.extraValueMappings]);

async function saveExtraValues(actor: Actor, communityId: string, version: number, incoming: TPortableCommunity) {
  const input = parseRequest(ZUpdateExtraValuesRequest, {
    communityId,
    version,
    customFields: incoming.customFields,
    mappings: incoming.extraValueMappings,
  });
  return (await updateExtraValues(actor, input)).version;
}

export const communities = defineArea<TPortableCommunity>({
  key: "communities",
  label: "Communities",
  objectType: "community",
  schema: ZPortableCommunity,
  keyOf: (community) => community.name.trim(),
  mayView: (actor) => canSome(actor.rights, "community", "view"),
  exportAll: async (actor) => {
    const rows = await db().community.findMany({
      where: scopeWhere(scopeOf(actor.rights, "community", "view")),
      include: withKeys,
      orderBy: { nameKey: "asc" },
    });
    return rows.map(portableCommunity);
  },
  find: async (key) => {
    const row = await db().community.findUnique({ where: { nameKey: key.toLowerCase() }, include: withKeys });
    return row ? { id: row.id, version: row.version, record: portableCommunity(row) } : null;
  },
  compare: (stored, incoming) => {
    const changes: Changes = diff(auditFields(stored), auditFields(incoming));
    const keys = keyChanges(stored, incoming);
    if (Object.keys(keys).length > 0) changes.jwtKeys = { from: null, to: keys };
    return changes;
  },
  present: (incoming) => ({
    ...auditFields(incoming),
    jwtKeys: Object.fromEntries(
      incoming.jwtKeys.map((k) => [k.keyId, `added (${k.kind === "rsa" ? "RSA SHA256" : "HMAC SHA256"})`]),
    ),
  }),
  create: async (actor, incoming) => {
    const keys = keysToAdd(null, incoming);
    // Require needs a key: the community starts rejecting signed identities until its keys are in (all in
    // the import's one transaction, so nobody sees it in between).
    const startMode = incoming.signedIdentities === "require" && keys.length > 0 ? "reject" : incoming.signedIdentities;
    const created = await createCommunity(
      actor,
      parseRequest(ZCreateCommunityRequest, { name: incoming.name, signedIdentities: startMode }),
    );
    let version = await addKeys(actor, created.id, created.version, keys);
    if (incoming.customFields.length > 0 || incoming.extraValueMappings.length > 0)
      version = await saveExtraValues(actor, created.id, version, incoming);
    if (startMode !== incoming.signedIdentities) {
      const input = { id: created.id, version, name: incoming.name, signedIdentities: incoming.signedIdentities };
      await updateCommunity(actor, parseRequest(ZUpdateCommunityRequest, input));
    }
    return [];
  },
  update: async (actor, stored: Stored<TPortableCommunity>, incoming) => {
    const current = stored.record;
    // Added keys first (Require may need them), removed ones last (after the mode may have left Require).
    let version = await addKeys(actor, stored.id, stored.version, keysToAdd(current, incoming));
    if (current.name !== incoming.name || current.signedIdentities !== incoming.signedIdentities) {
      const input = { id: stored.id, version, name: incoming.name, signedIdentities: incoming.signedIdentities };
      version = (await updateCommunity(actor, parseRequest(ZUpdateCommunityRequest, input))).version;
    }
    if (!sameExtraValues(current, incoming)) version = await saveExtraValues(actor, stored.id, version, incoming);
    for (const key of current.jwtKeys) {
      if (incoming.jwtKeys.some((k) => k.keyId === key.keyId)) continue;
      const input = parseRequest(ZRemoveJwtKeyRequest, { communityId: stored.id, version, keyId: key.keyId });
      version = (await removeJwtKey(actor, input)).version;
    }
    return [];
  },
});
