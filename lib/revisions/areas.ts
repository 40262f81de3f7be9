// What history needs to know of each area: how to read a snapshot to people (secrets only as set), how
// two snapshots differ in the audit trail's terms, and how a snapshot is saved again through the area's
// own service (its rights, schema and version check). A new area adds one entry.
import { randomBytes } from "node:crypto";
import { type Changes, diff } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { ZExtraValueSettings } from "../communities/extra-values";
import { ZCreateCommunityRequest, ZUpdateCommunityRequest } from "../communities/schemas";
import {
  createCommunity,
  jwtKeyChanges,
  readableExtraValues,
  type StoredJwtKey,
  updateCommunity,
} from "../communities/service";
import { db } from "../db";
import { stale } from "../errors";
import { ZCreateMessagingServiceRequest, ZUpdateMessagingServiceRequest } from "../messaging/schemas";
import {
  createMessagingService,
  credentialChanges,
  type StoredCredential,
  updateMessagingService,
} from "../messaging/service";
import type { ObjectType } from "../rights/catalog";
import { ZCreateRoleRequest, ZRight, ZUpdateRoleRequest } from "../roles/schemas";
import { createRole, updateRole } from "../roles/service";
import { updateSetting, ZUpdateSettingRequest } from "../settings/service";
import { smsChannelRevisions } from "../sms/revisions";
import { ZCreateUserRequest, ZUpdateUserRequest } from "../users/schemas";
import { createUser, updateUser } from "../users/service";
import { parseForRestore, rightFromKey } from "./parse";

export type Snapshot = Record<string, unknown>;

/** The revision being restored, as the areas need it. */
export interface Restoring {
  objectId: string;
  snapshot: Snapshot;
  /** The version the record has now (0: it does not exist), as the person restoring saw it. */
  expectedVersion: number;
  /** Whether the record exists now; a deleted one is created again under its old id. */
  exists: boolean;
  /** The version a revived record gets: one after the highest it ever had. */
  nextVersion: number;
}

export interface RevisionArea {
  objectType: ObjectType;
  /** What people may read of a snapshot: secrets only as whether they are set. */
  present(snapshot: Snapshot): Snapshot;
  /** How one snapshot differs from another, as an audit row's changes (so lib/audit describes them). */
  changes(from: Snapshot | null, to: Snapshot | null): Changes;
  /** Whether the record exists now, and its version. */
  current(objectId: string): Promise<{ version: number } | null>;
  restore(actor: Actor, restoring: Restoring): Promise<{ version: number }>;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const text = (value: unknown) => (typeof value === "string" ? value : "");

function without(snapshot: Snapshot | null, ...keys: string[]): Snapshot | null {
  if (!snapshot) return null;
  return Object.fromEntries(Object.entries(snapshot).filter(([key]) => !keys.includes(key)));
}

const role: RevisionArea = {
  objectType: "role",
  present: (snapshot) => snapshot,
  changes: (from, to) => diff(from, to),
  current: (id) => db().role.findUnique({ where: { id }, select: { version: true } }),
  restore: async (actor, { objectId, snapshot, expectedVersion, exists, nextVersion }) => {
    const fields = {
      name: snapshot.name,
      description: snapshot.description,
      requiresSecondFactor: snapshot.requiresSecondFactor,
      rights: list(snapshot.rights).map(rightFromKey),
    };
    if (exists) {
      return updateRole(
        actor,
        parseForRestore(ZUpdateRoleRequest, { ...fields, id: objectId, version: expectedVersion }),
        "restore",
      );
    }
    return createRole(actor, parseForRestore(ZCreateRoleRequest, fields), { id: objectId, version: nextVersion });
  },
};

const credentialsOf = (snapshot: Snapshot | null): StoredCredential[] =>
  (Array.isArray(snapshot?.credentials) ? snapshot.credentials : []).map((c: Snapshot) => ({
    id: text(c.id),
    authId: text(c.authId),
    secretSealed: typeof c.secretSealed === "string" ? c.secretSealed : null,
  }));

const messagingService: RevisionArea = {
  objectType: "messaging_service",
  present: (snapshot) => ({
    ...snapshot,
    credentials: credentialsOf(snapshot).map(({ id, authId, secretSealed }) => ({
      id,
      authId,
      secretSet: !!secretSealed,
    })),
  }),
  changes: (from, to) => {
    const credentials = credentialChanges(credentialsOf(from), credentialsOf(to));
    return {
      ...diff(without(from, "credentials"), without(to, "credentials")),
      ...(Object.keys(credentials).length ? { credentials: { from: null, to: credentials } } : {}),
    };
  },
  current: (id) => db().messagingService.findUnique({ where: { id }, select: { version: true } }),
  restore: async (actor, { objectId, snapshot, expectedVersion, exists, nextVersion }) => {
    // The sealed secrets come back as they were (bound to their entries' ids); the form's entries only
    // name them, so the schema checks the entries without anybody handling a secret.
    const credentials = credentialsOf(snapshot);
    const fields = {
      name: snapshot.name,
      type: snapshot.type,
      serviceConnection: snapshot.serviceConnection,
      credentials: credentials.map(({ id, authId }) => ({ id, authId, secret: { action: "keep" } })),
    };
    if (exists) {
      const input = parseForRestore(ZUpdateMessagingServiceRequest, {
        ...fields,
        id: objectId,
        version: expectedVersion,
      });
      return updateMessagingService(actor, input, { credentials });
    }
    const input = parseForRestore(ZCreateMessagingServiceRequest, fields);
    return createMessagingService(actor, input, { revived: { id: objectId, version: nextVersion }, credentials });
  },
};

const user: RevisionArea = {
  objectType: "user",
  present: (snapshot) => without(snapshot, "roleIds") ?? {},
  changes: (from, to) => diff(without(from, "roleIds"), without(to, "roleIds")),
  current: (id) => db().user.findUnique({ where: { id }, select: { version: true } }),
  restore: async (actor, { objectId, snapshot, expectedVersion, exists, nextVersion }) => {
    const fields = {
      logonName: snapshot.logonName,
      firstName: snapshot.firstName,
      lastName: snapshot.lastName,
      email: snapshot.email ?? "",
      enabled: snapshot.enabled,
      roleIds: list(snapshot.roleIds),
    };
    const rights = list(snapshot.rights).map((key) => parseForRestore(ZRight, rightFromKey(key)));
    if (exists) {
      const input = parseForRestore(ZUpdateUserRequest, { ...fields, id: objectId, version: expectedVersion });
      return updateUser(actor, input, { rights });
    }
    // Passwords are not history: a user brought back gets an unusable one, until an administrator sets one.
    const password = `${randomBytes(24).toString("base64url")}aA1!`;
    const input = parseForRestore(ZCreateUserRequest, {
      ...fields,
      kind: snapshot.kind,
      password,
      confirmPassword: password,
    });
    return createUser(actor, input, rights, { id: objectId, version: nextVersion });
  },
};

const settings: RevisionArea = {
  objectType: "settings",
  present: (snapshot) => snapshot,
  changes: (from, to) => {
    const key = text(to?.key ?? from?.key);
    return JSON.stringify(from?.value ?? null) === JSON.stringify(to?.value ?? null)
      ? {}
      : { [key]: { from: from?.value ?? null, to: to?.value ?? null } };
  },
  current: async (key) =>
    (await db().setting.findUnique({ where: { key }, select: { version: true } })) ?? { version: 0 },
  restore: async (actor, { objectId, snapshot, expectedVersion }) =>
    updateSetting(
      actor,
      parseForRestore(ZUpdateSettingRequest, { key: objectId, value: snapshot.value, version: expectedVersion }),
      "restore",
    ),
};

const jwtKeysOf = (snapshot: Snapshot | null): StoredJwtKey[] =>
  (Array.isArray(snapshot?.jwtKeys) ? snapshot.jwtKeys : []).map((k: Snapshot) => ({
    id: text(k.id),
    keyId: text(k.keyId),
    kind: text(k.kind),
    secretSealed: typeof k.secretSealed === "string" ? k.secretSealed : null,
    publicKeyPem: typeof k.publicKeyPem === "string" ? k.publicKeyPem : null,
    keyBits: typeof k.keyBits === "number" ? k.keyBits : null,
    fingerprint: typeof k.fingerprint === "string" ? k.fingerprint : null,
    createdAt: new Date(text(k.createdAt) || 0),
    createdById: typeof k.createdById === "string" ? k.createdById : null,
    createdByName: text(k.createdByName),
  }));

const community: RevisionArea = {
  objectType: "community",
  present: (snapshot) => ({
    ...snapshot,
    jwtKeys: jwtKeysOf(snapshot).map(({ keyId, kind, secretSealed, keyBits, fingerprint }) => ({
      keyId,
      kind,
      ...(kind === "hmac" ? { secretSet: !!secretSealed } : { keyBits, fingerprint }),
    })),
  }),
  changes: (from, to) => {
    const keys = jwtKeyChanges(jwtKeysOf(from), jwtKeysOf(to));
    const readable = (snapshot: Snapshot | null) =>
      snapshot && {
        ...without(snapshot, "jwtKeys"),
        ...readableExtraValues(snapshot.customFields, snapshot.extraValueMappings),
      };
    return {
      ...diff(readable(from), readable(to)),
      ...(Object.keys(keys).length ? { jwtKeys: { from: null, to: keys } } : {}),
    };
  },
  current: (id) => db().community.findUnique({ where: { id }, select: { version: true } }),
  // The keys come back as they were, sealed secrets bound to their rows; nobody handles a secret.
  restore: async (actor, { objectId, snapshot, expectedVersion, exists, nextVersion }) => {
    const fields = { name: snapshot.name, signedIdentities: snapshot.signedIdentities };
    const restored = {
      keys: jwtKeysOf(snapshot),
      extraValues: parseForRestore(ZExtraValueSettings, {
        customFields: snapshot.customFields ?? [],
        mappings: snapshot.extraValueMappings ?? [],
      }),
    };
    if (exists) {
      const input = parseForRestore(ZUpdateCommunityRequest, { ...fields, id: objectId, version: expectedVersion });
      return updateCommunity(actor, input, restored);
    }
    const input = parseForRestore(ZCreateCommunityRequest, fields);
    return createCommunity(actor, input, { id: objectId, version: nextVersion, ...restored });
  },
};

const AREAS: Record<string, RevisionArea> = Object.fromEntries(
  [role, messagingService, user, settings, community, smsChannelRevisions].map((area) => [area.objectType, area]),
);

export function revisionArea(objectType: string): RevisionArea | undefined {
  return AREAS[objectType];
}

/** Refuses a restore against a version the record no longer has (or a record that came back meanwhile). */
export function requireExpected(current: { version: number } | null, expectedVersion: number, noun: string) {
  if ((current?.version ?? 0) !== expectedVersion) throw stale(noun);
}
