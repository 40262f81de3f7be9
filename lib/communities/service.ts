// Communities: listing, reading and changing them and their JWT keys, with rights checked, HMAC secrets
// sealed and every change audited. A key belongs to its community: adding or removing one is a change of
// the community (its version, audit row and revision), so a stale page cannot undo another's rotation.
import { randomUUID } from "node:crypto";
import { diff } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { db, type Tx } from "../db";
import { invalid, notFound } from "../errors";
import { type Community, type CommunityJwtKey, Prisma } from "../generated/prisma/client";
import type { TListParams } from "../list/params";
import { readPage } from "../list/sql-page";
import { type ChangeOutcome, changeRecord, type RecordKind } from "../records/change";
import { scopeOf } from "../rights/can";
import type { TDeleteRequest } from "../users/schemas";
import { storedSettings, type TExtraValueSettings, type TUpdateExtraValuesRequest } from "./extra-values";
import { isOlderThanSixMonths, parseRsaPublicKey } from "./key-material";
import { sealJwtSecret } from "./key-secret";
import { requireCommunityCapability } from "./permissions";
import type {
  SignedIdentityMode,
  TAddJwtKeyRequest,
  TCreateCommunityRequest,
  TRemoveJwtKeyRequest,
  TUpdateCommunityRequest,
} from "./schemas";

const NAME_TAKEN = "A community with this name exists already.";
export const COMMUNITY: RecordKind = {
  objectType: "community",
  noun: "community",
  unique: { field: "name", message: NAME_TAKEN },
};

export const REQUIRE_NEEDS_KEY = "Require needs at least one JWT key: add a key first, then choose Require.";
export const LAST_KEY_UNDER_REQUIRE =
  "This is the community's last JWT key and Signed identities is Require: every identity would be refused. Choose another mode or add a key first.";

export const COMMUNITY_SORTS = ["name", "signedIdentities", "updatedAt"] as const;

type CommunityWithKeys = Prisma.CommunityGetPayload<{ include: { jwtKeys: true } }>;

/** A key as a revision keeps it: everything, its secret only sealed (bound to the key's row id). */
export type StoredJwtKey = Omit<CommunityJwtKey, "communityId" | "lastVerifiedAt">;

const withKeys = { jwtKeys: { orderBy: { createdAt: "asc" }, omit: { secretSealed: false } } } as const;

/** A row of the communities list: the community and how many JWT keys it has. */
export type CommunityListRow = Community & { _count: { jwtKeys: number } };

export async function listCommunities(actor: Actor, params: TListParams) {
  await requireCommunityCapability(actor, "list");
  return readPage<CommunityListRow>(params, {
    table: "Community",
    alias: "c",
    scope: scopeOf(actor.rights, "community", "view"),
    search: { text: params.q, columns: ["name"] },
    columns: ["id", "name", "nameKey", "signedIdentities", "customFields", "extraValueMappings", "version"],
    timestamps: ["createdAt", "updatedAt"],
    // Counted for the page's communities only, through the (communityId, keyId) index.
    related: [
      Prisma.sql`json_build_object('jwtKeys',
        (SELECT COUNT(*) FROM "CommunityJwtKey" k WHERE k."communityId" = c."id")) AS "_count"`,
    ],
    sorts: COMMUNITY_SORTS,
  });
}

/** How a key may be shown: when and by whom it was added, when it last verified, never its secret. */
export function jwtKeyView(key: CommunityJwtKey, now = new Date()) {
  return {
    keyId: key.keyId,
    kind: key.kind === "rsa" ? ("rsa" as const) : ("hmac" as const),
    ...(key.kind === "hmac" ? { secret: key.secretSealed ? ("set" as const) : undefined } : {}),
    keyBits: key.keyBits,
    fingerprint: key.fingerprint,
    createdAt: key.createdAt.toISOString(),
    createdBy: key.createdByName,
    lastVerifiedAt: key.lastVerifiedAt?.toISOString() ?? null,
    olderThanSixMonths: isOlderThanSixMonths(key.createdAt, now),
  };
}

export type JwtKeyView = ReturnType<typeof jwtKeyView>;

export async function getCommunity(actor: Actor, id: string) {
  await requireCommunityCapability(actor, "view", { id });
  const community = await db().community.findUnique({
    where: { id },
    include: { jwtKeys: { orderBy: { createdAt: "asc" } } },
  });
  if (!community) throw notFound("This community");
  const { customFields, mappings } = storedSettings(community.customFields, community.extraValueMappings);
  return {
    ...community,
    customFields,
    extraValueMappings: mappings,
    jwtKeys: community.jwtKeys.map((key) => jwtKeyView(key)),
  };
}

export type CommunityDetail = Awaited<ReturnType<typeof getCommunity>>;

/** The audit trail's words for custom fields and mappings: one readable line per entry, so lists diff by entry. */
export function readableExtraValues(customFields: unknown, mappings: unknown) {
  const settings = storedSettings(customFields, mappings);
  return {
    customFields: settings.customFields.map(
      (f) =>
        `${f.key} (${f.label}; ${f.associatedType}, ${f.type}${f.choices.length ? `: ${f.choices.join("|")}` : ""}${f.regex ? `; regex ${f.regex}` : ""}${f.usedForIdentityMerge ? "; identity merge" : ""})`,
    ),
    extraValueMappings: settings.mappings.map(
      (m) => `${m.source === "uuid" ? "UUID" : m.extraValueKey} → ${m.destination}`,
    ),
  };
}

function auditFields(community: Community) {
  return {
    name: community.name,
    signedIdentities: community.signedIdentities,
    ...readableExtraValues(community.customFields, community.extraValueMappings),
  };
}

function fields(community: Community) {
  const { customFields, mappings } = storedSettings(community.customFields, community.extraValueMappings);
  return {
    name: community.name,
    signedIdentities: community.signedIdentities,
    customFields,
    extraValueMappings: mappings,
  };
}

function storedKey({ communityId: _c, lastVerifiedAt: _l, ...key }: CommunityJwtKey): StoredJwtKey {
  return key;
}

/** What a revision holds: the whole community with its keys (secrets only sealed). */
function fullSnapshot(community: Community, keys: StoredJwtKey[]) {
  return {
    ...fields(community),
    jwtKeys: keys.map((key) => ({ ...key, createdAt: key.createdAt.toISOString() })),
  };
}

/** What the audit trail says of keys: Key IDs and what happened to them, never key material. */
export function jwtKeyChanges(before: readonly { keyId: string; kind: string }[], after: typeof before) {
  const changes: Record<string, string> = {};
  const label = (kind: string) => (kind === "rsa" ? "RSA SHA256" : "HMAC SHA256");
  for (const key of after)
    if (!before.some((b) => b.keyId === key.keyId)) changes[key.keyId] = `added (${label(key.kind)})`;
  for (const key of before) if (!after.some((a) => a.keyId === key.keyId)) changes[key.keyId] = "removed";
  return changes;
}

function outcome(
  community: Community,
  before: { community: Community; keys: StoredJwtKey[] } | null,
  keys: StoredJwtKey[],
): ChangeOutcome<Community> {
  const keyDiff = jwtKeyChanges(before?.keys ?? [], keys);
  return {
    result: community,
    objectId: community.id,
    objectName: community.name,
    version: community.version,
    changes: {
      ...diff(before ? auditFields(before.community) : null, auditFields(community)),
      ...(Object.keys(keyDiff).length ? { jwtKeys: { from: null, to: keyDiff } } : {}),
    },
    snapshot: fullSnapshot(community, keys),
  };
}

const nameTaken = (nameKey: string) => async (tx: Tx, current?: { nameKey: string }) =>
  (!current || current.nameKey !== nameKey) &&
  !!(await tx.community.findUnique({ where: { nameKey }, select: { id: true } }));

const loadWithKeys = (tx: Tx, id: string) => tx.community.findUnique({ where: { id }, include: withKeys });

function requireKeyForMode(mode: SignedIdentityMode | string, keyCount: number) {
  if (mode === "require" && keyCount === 0) throw invalid({ signedIdentities: [REQUIRE_NEEDS_KEY] });
}

/** A deleted community brought back by a restore: its old id, the version after its last one, its keys. */
export interface Revived {
  id: string;
  version: number;
  keys: StoredJwtKey[];
  extraValues: TExtraValueSettings;
}

/** What a restore brings back besides the form's fields: the keys (sealed) and the extra-value document. */
export interface Restored {
  keys: StoredJwtKey[];
  extraValues: TExtraValueSettings;
}

const extraValueColumns = (settings: TExtraValueSettings) => ({
  customFields: settings.customFields as Prisma.InputJsonArray,
  extraValueMappings: settings.mappings as Prisma.InputJsonArray,
});

export async function createCommunity(actor: Actor, input: TCreateCommunityRequest, revived?: Revived) {
  await requireCommunityCapability(actor, "create");
  const keys = revived?.keys ?? [];
  requireKeyForMode(input.signedIdentities, keys.length);
  const nameKey = input.name.toLowerCase();
  return changeRecord<CommunityWithKeys, Community>(actor, COMMUNITY, {
    action: revived ? "restore" : "create",
    nameTaken: nameTaken(nameKey),
    apply: async (tx) => {
      const community = await tx.community.create({
        data: {
          ...(revived ? { id: revived.id, version: revived.version } : {}),
          name: input.name,
          nameKey,
          signedIdentities: input.signedIdentities,
          ...(revived ? extraValueColumns(revived.extraValues) : {}),
          jwtKeys: { create: keys },
        },
      });
      return outcome(community, null, keys);
    },
  });
}

/**
 * `restored`: the keys of a revision being restored (secrets still sealed to their rows) and its extra-value
 * document; they replace the community's, and a key that stays keeps when it last verified.
 */
export async function updateCommunity(actor: Actor, input: TUpdateCommunityRequest, restored?: Restored) {
  const restoredKeys = restored?.keys;
  await requireCommunityCapability(actor, "modify", { id: input.id });
  const nameKey = input.name.toLowerCase();
  return changeRecord<CommunityWithKeys, Community>(actor, COMMUNITY, {
    action: restoredKeys ? "restore" : "modify",
    current: { load: (tx) => loadWithKeys(tx, input.id), version: input.version },
    nameTaken: nameTaken(nameKey),
    apply: async (tx, before) => {
      if (!before) throw notFound("This community");
      const beforeKeys = before.jwtKeys.map(storedKey);
      const keys = restoredKeys ?? beforeKeys;
      requireKeyForMode(input.signedIdentities, keys.length);
      const community = await tx.community.update({
        where: { id: input.id, version: input.version },
        data: {
          name: input.name,
          nameKey,
          signedIdentities: input.signedIdentities,
          ...(restored ? extraValueColumns(restored.extraValues) : {}),
          version: { increment: 1 },
        },
      });
      if (restoredKeys) {
        await tx.communityJwtKey.deleteMany({
          where: { communityId: community.id, id: { notIn: keys.map((k) => k.id) } },
        });
        for (const key of keys) {
          const { id, ...rest } = key;
          await tx.communityJwtKey.upsert({
            where: { id },
            create: { ...key, communityId: community.id },
            update: rest,
          });
        }
      }
      return outcome(community, { community: before, keys: beforeKeys }, keys);
    },
  });
}

export async function deleteCommunity(actor: Actor, input: TDeleteRequest) {
  await requireCommunityCapability(actor, "delete", { id: input.id });
  await changeRecord<CommunityWithKeys, void>(actor, COMMUNITY, {
    action: "delete",
    current: { load: (tx) => loadWithKeys(tx, input.id), version: input.version },
    apply: async (tx, before) => {
      if (!before) throw notFound("This community");
      // Nothing refers to a community yet; its keys go with it.
      await tx.community.delete({ where: { id: input.id, version: input.version } });
      const keys = before.jwtKeys.map(storedKey);
      return {
        result: undefined,
        objectId: before.id,
        objectName: before.name,
        version: before.version,
        changes: {
          ...diff(auditFields(before), null),
          ...(keys.length ? { jwtKeys: { from: keys.map((k) => k.keyId), to: null } } : {}),
        },
        snapshot: fullSnapshot(before, keys),
      };
    },
  });
}

/** Custom fields and mappings are saved whole, checked together (a mapping names a field of the same document). */
export async function updateExtraValues(actor: Actor, input: TUpdateExtraValuesRequest) {
  await requireCommunityCapability(actor, "editExtraValues", { id: input.communityId });
  return changeRecord<CommunityWithKeys, Community>(actor, COMMUNITY, {
    action: "modify",
    current: { load: (tx) => loadWithKeys(tx, input.communityId), version: input.version },
    apply: async (tx, before) => {
      if (!before) throw notFound("This community");
      const community = await tx.community.update({
        where: { id: before.id, version: before.version },
        data: { ...extraValueColumns(input), version: { increment: 1 } },
      });
      const keys = before.jwtKeys.map(storedKey);
      return outcome(community, { community: before, keys }, keys);
    },
  });
}

/** Adding a key never replaces or disables another (rotation: add the new one, remove the old one later). */
export async function addJwtKey(actor: Actor, input: TAddJwtKeyRequest) {
  await requireCommunityCapability(actor, "manageKeys", { id: input.communityId });
  const id = randomUUID();
  const material =
    input.kind === "hmac"
      ? {
          kind: "hmac",
          secretSealed: sealJwtSecret(id, input.secret),
          publicKeyPem: null,
          keyBits: null,
          fingerprint: null,
        }
      : rsaMaterial(input.publicKey);
  return changeRecord<CommunityWithKeys, Community>(actor, COMMUNITY, {
    action: "modify",
    current: { load: (tx) => loadWithKeys(tx, input.communityId), version: input.version },
    apply: async (tx, before) => {
      if (!before) throw notFound("This community");
      if (before.jwtKeys.some((key) => key.keyId === input.keyId)) {
        throw invalid({ keyId: ["This community has a key with this Key ID already: choose another."] });
      }
      const added: StoredJwtKey = {
        id,
        keyId: input.keyId,
        ...material,
        createdAt: new Date(),
        createdById: actor.id,
        createdByName: actor.logonName.slice(0, 200),
      };
      await tx.communityJwtKey.create({ data: { ...added, communityId: before.id } });
      const community = await tx.community.update({
        where: { id: before.id, version: before.version },
        data: { version: { increment: 1 } },
      });
      const beforeKeys = before.jwtKeys.map(storedKey);
      return outcome(community, { community: before, keys: beforeKeys }, [...beforeKeys, added]);
    },
  });
}

function rsaMaterial(text: string) {
  const parsed = parseRsaPublicKey(text);
  if (!parsed.ok) throw invalid({ publicKey: [parsed.message] });
  return {
    kind: "rsa",
    secretSealed: null,
    publicKeyPem: parsed.pem,
    keyBits: parsed.bits,
    fingerprint: parsed.fingerprint,
  };
}

/** Removing a key is its own confirmed step; the last one stays while the community requires signatures. */
export async function removeJwtKey(actor: Actor, input: TRemoveJwtKeyRequest) {
  await requireCommunityCapability(actor, "manageKeys", { id: input.communityId });
  return changeRecord<CommunityWithKeys, Community>(actor, COMMUNITY, {
    action: "modify",
    current: { load: (tx) => loadWithKeys(tx, input.communityId), version: input.version },
    apply: async (tx, before) => {
      if (!before) throw notFound("This community");
      const key = before.jwtKeys.find((k) => k.keyId === input.keyId);
      if (!key) throw notFound("This JWT key");
      if (before.signedIdentities === "require" && before.jwtKeys.length === 1) {
        throw invalid({ keyId: [LAST_KEY_UNDER_REQUIRE] }, LAST_KEY_UNDER_REQUIRE);
      }
      await tx.communityJwtKey.delete({ where: { id: key.id } });
      const community = await tx.community.update({
        where: { id: before.id, version: before.version },
        data: { version: { increment: 1 } },
      });
      const beforeKeys = before.jwtKeys.map(storedKey);
      return outcome(
        community,
        { community: before, keys: beforeKeys },
        beforeKeys.filter((k) => k.id !== key.id),
      );
    },
  });
}
