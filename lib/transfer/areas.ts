// The areas export and import know, in the order an import applies them: settings, then messaging
// services, then roles (their rights may name services), then users (they name roles), then
// communities and SMS channels (they name nothing). A new area adds one entry here.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type Changes, diff } from "../audit/diff";
import { db } from "../db";
import { invalid } from "../errors";
import {
  ZCreateMessagingServiceRequest,
  ZMessagingServiceType,
  ZServiceConnection,
  ZServiceName,
  ZUpdateMessagingServiceRequest,
} from "../messaging/schemas";
import { createMessagingService, updateMessagingService } from "../messaging/service";
import { MAX_CREDENTIALS } from "../messaging/service-types";
import { canAll, canSome, scopeOf, scopeWhere } from "../rights/can";
import { ZCreateRoleRequest, ZRoleFields, ZUpdateRoleRequest } from "../roles/schemas";
import { createRole, updateRole } from "../roles/service";
import { zLine, zSecretText } from "../schemas";
import { SETTING_KEYS, type SettingKey } from "../settings/catalog";
import { listSettings, settingValue, updateSetting, ZUpdateSettingRequest } from "../settings/service";
import { setUserRights } from "../users/direct-rights";
import { ZSetUserRightsRequest } from "../users/direct-rights-schemas";
import { ZCreateUserRequest, ZUpdateUserRequest, ZUserFields } from "../users/schemas";
import { createUser, updateUser } from "../users/service";
import { defineArea, NEEDS_SECRET, type TransferArea } from "./area";
import { communities } from "./community-area";
import { parseRequest } from "./parse";
import { portableRights, resolveRights, rightKeys, sortedRights, ZPortableRight } from "./rights";
import { smsChannels } from "./sms-channel-area";

// ---- Settings ---------------------------------------------------------------------------------------

const ZPortableSetting = z.strictObject({
  key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], "No such setting."),
  value: z.unknown(),
});
type TPortableSetting = z.infer<typeof ZPortableSetting>;

const settings = defineArea<TPortableSetting>({
  key: "settings",
  label: "Settings",
  objectType: "settings",
  schema: ZPortableSetting,
  keyOf: (setting) => setting.key,
  mayView: (actor) => canAll(actor.rights, "settings", "view"),
  exportAll: async (actor) => (await listSettings(actor)).map(({ key, value }) => ({ key, value })),
  find: async (key) => {
    // Every setting exists: one never saved has its default value at version 0.
    const row = await db().setting.findUnique({ where: { key } });
    const setting = key as SettingKey;
    return { id: key, version: row?.version ?? 0, record: { key: setting, value: await settingValue(setting) } };
  },
  // Keyed by the setting, as its audit rows are, so the console words the change the same way.
  compare: (stored, incoming): Changes =>
    JSON.stringify(stored.value ?? null) === JSON.stringify(incoming.value ?? null)
      ? {}
      : { [incoming.key]: { from: stored.value ?? null, to: incoming.value ?? null } },
  present: (incoming) => ({ [incoming.key]: incoming.value }),
  create: async () => {
    throw invalid({ key: ["No such setting."] });
  },
  update: async (actor, stored, incoming) => {
    await updateSetting(
      actor,
      parseRequest(ZUpdateSettingRequest, { key: incoming.key, value: incoming.value, version: stored.version }),
    );
    return [];
  },
});

// ---- Messaging services -----------------------------------------------------------------------------

const ZPortableCredential = z.strictObject({
  authId: zLine({ max: 300 }),
  /** Never exported; a document may carry one to set it (a new entry needs one). */
  secret: zSecretText(4096).optional(),
});

// The form's own field schemas; the whole service is checked again by the form's request schema.
const ZPortableService = z.strictObject({
  name: ZServiceName,
  type: ZMessagingServiceType,
  serviceConnection: ZServiceConnection,
  credentials: z.array(ZPortableCredential).max(MAX_CREDENTIALS, `Use at most ${MAX_CREDENTIALS} entries.`),
});
type TPortableService = z.infer<typeof ZPortableService>;

type StoredService = { name: string; type: string; serviceConnection: string; credentials: { authId: string }[] };

function portableService(service: StoredService): TPortableService {
  return {
    name: service.name,
    type: service.type as TPortableService["type"],
    serviceConnection: service.serviceConnection,
    credentials: service.credentials.map((c) => ({ authId: c.authId })),
  };
}

const withCredentials = { credentials: { orderBy: { position: "asc" as const }, select: { id: true, authId: true } } };

/** The credential entries' changes, as the audit trail words them: added, removed, secret replaced. */
function credentialChanges(stored: TPortableService, incoming: TPortableService): Record<string, string> {
  const changes: Record<string, string> = {};
  const storedIds = new Set(stored.credentials.map((c) => c.authId.toLowerCase()));
  for (const entry of incoming.credentials) {
    if (!storedIds.has(entry.authId.trim().toLowerCase())) changes[entry.authId] = "added";
    else if (entry.secret !== undefined) changes[entry.authId] = "secret replaced";
  }
  const incomingIds = new Set(incoming.credentials.map((c) => c.authId.trim().toLowerCase()));
  for (const entry of stored.credentials)
    if (!incomingIds.has(entry.authId.toLowerCase())) changes[entry.authId] = "removed";
  return changes;
}

/** The form's credential entries for the incoming ones: stored entries kept by ID, new ones need a secret. */
function credentialEntries(incoming: TPortableService, stored: { id: string; authId: string }[]) {
  const missing: Record<string, string[]> = {};
  const entries = incoming.credentials.map((entry, index) => {
    const existing = stored.find((s) => s.authId.toLowerCase() === entry.authId.trim().toLowerCase());
    if (!existing && entry.secret === undefined) missing[`credentials.${index}.secret`] = [NEEDS_SECRET];
    return {
      ...(existing ? { id: existing.id } : {}),
      authId: entry.authId,
      secret: entry.secret === undefined ? { action: "keep" } : { action: "replace", value: entry.secret },
    };
  });
  if (Object.keys(missing).length > 0) throw invalid(missing, "Some credential entries need their secret.");
  return entries;
}

const messagingServices = defineArea<TPortableService>({
  key: "messagingServices",
  label: "Messaging services",
  objectType: "messaging_service",
  schema: ZPortableService,
  keyOf: (service) => service.name.trim(),
  mayView: (actor) => canSome(actor.rights, "messaging_service", "view"),
  exportAll: async (actor) => {
    const rows = await db().messagingService.findMany({
      where: scopeWhere(scopeOf(actor.rights, "messaging_service", "view")),
      include: withCredentials,
      orderBy: { nameKey: "asc" },
    });
    return rows.map(portableService);
  },
  find: async (key) => {
    const row = await db().messagingService.findUnique({
      where: { nameKey: key.toLowerCase() },
      include: withCredentials,
    });
    return row ? { id: row.id, version: row.version, record: portableService(row) } : null;
  },
  compare: (stored, incoming) => {
    const credentials = credentialChanges(stored, incoming);
    const { credentials: _s, ...storedFields } = stored;
    const { credentials: _i, ...incomingFields } = incoming;
    const changes: Changes = diff(storedFields, incomingFields);
    // Reordered entries change nothing people care about; added, removed and new secrets do.
    if (Object.keys(credentials).length > 0) changes.credentials = { from: null, to: credentials };
    return changes;
  },
  present: ({ credentials, ...fields }) => ({
    ...fields,
    credentials: Object.fromEntries(
      credentials.map((c) => [c.authId, c.secret === undefined ? "added" : "added, secret set"]),
    ),
  }),
  create: async (actor, incoming) => {
    const input = parseRequest(ZCreateMessagingServiceRequest, {
      ...incoming,
      credentials: credentialEntries(incoming, []),
    });
    await createMessagingService(actor, input);
    return [];
  },
  update: async (actor, stored, incoming) => {
    const credentials = await db().messagingCredential.findMany({
      where: { serviceId: stored.id },
      select: { id: true, authId: true },
    });
    const input = parseRequest(ZUpdateMessagingServiceRequest, {
      ...incoming,
      id: stored.id,
      version: stored.version,
      credentials: credentialEntries(incoming, credentials),
    });
    await updateMessagingService(actor, input);
    return [];
  },
});

// ---- Roles ------------------------------------------------------------------------------------------

const ZPortableRole = z.strictObject({
  name: ZRoleFields.shape.name,
  description: ZRoleFields.shape.description.default(""),
  requiresSecondFactor: z.boolean().default(false),
  rights: z.array(ZPortableRight).max(500).default([]),
});
type TPortableRole = z.infer<typeof ZPortableRole>;

const roleInclude = { rights: { select: { objectType: true, access: true, objectId: true } } } as const;

async function portableRole(role: {
  name: string;
  description: string;
  requiresSecondFactor: boolean;
  rights: {
    objectType: TPortableRole["rights"][number]["objectType"];
    access: TPortableRole["rights"][number]["access"];
    objectId: string | null;
  }[];
}): Promise<TPortableRole> {
  return {
    name: role.name,
    description: role.description,
    requiresSecondFactor: role.requiresSecondFactor,
    rights: await portableRights(role.rights),
  };
}

const roleFields = async (role: TPortableRole) => ({
  name: role.name,
  description: role.description,
  requiresSecondFactor: role.requiresSecondFactor,
  rights: await resolveRights(role.rights, "rights"),
});

const roles = defineArea<TPortableRole>({
  key: "roles",
  label: "Roles",
  objectType: "role",
  schema: ZPortableRole.transform((role) => ({ ...role, rights: sortedRights(role.rights) })),
  keyOf: (role) => role.name.trim(),
  mayView: (actor) => canSome(actor.rights, "role", "view"),
  exportAll: async (actor) => {
    const rows = await db().role.findMany({
      where: scopeWhere(scopeOf(actor.rights, "role", "view")),
      include: roleInclude,
      orderBy: { nameKey: "asc" },
    });
    return Promise.all(rows.map(portableRole));
  },
  find: async (key) => {
    const row = await db().role.findUnique({ where: { nameKey: key.toLowerCase() }, include: roleInclude });
    return row ? { id: row.id, version: row.version, record: await portableRole(row) } : null;
  },
  compare: (stored, incoming) => diff(withRightKeys(stored), withRightKeys(incoming)),
  present: withRightKeys,
  create: async (actor, incoming) => {
    await createRole(actor, parseRequest(ZCreateRoleRequest, await roleFields(incoming)));
    return [];
  },
  update: async (actor, stored, incoming) => {
    const input = { ...(await roleFields(incoming)), id: stored.id, version: stored.version };
    await updateRole(actor, parseRequest(ZUpdateRoleRequest, input));
    return [];
  },
});

// ---- Users ------------------------------------------------------------------------------------------

const ZCreateUserKind = z.enum(["console", "external"], "Choose console or external.");

const ZPortableUser = z.strictObject({
  logonName: ZUserFields.shape.logonName,
  firstName: ZUserFields.shape.firstName,
  lastName: ZUserFields.shape.lastName,
  email: ZUserFields.shape.email.nullable().default(""),
  kind: ZCreateUserKind,
  enabled: ZUserFields.shape.enabled,
  /** Role names. */
  roles: z.array(ZRoleFields.shape.name).max(50).default([]),
  /** Rights the user holds directly, besides their roles'. */
  rights: z.array(ZPortableRight).max(500).default([]),
});
type TPortableUser = z.infer<typeof ZPortableUser>;

const userInclude = {
  roles: { select: { role: { select: { name: true } } } },
  rights: { select: { objectType: true, access: true, objectId: true } },
} as const;

async function portableUser(user: {
  logonName: string;
  firstName: string;
  lastName: string;
  email: string | null;
  kind: TPortableUser["kind"];
  enabled: boolean;
  roles: { role: { name: string } }[];
  rights: Parameters<typeof portableRights>[0];
}): Promise<TPortableUser> {
  return {
    logonName: user.logonName,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email ?? "",
    kind: user.kind,
    enabled: user.enabled,
    roles: user.roles.map((r) => r.role.name).sort(),
    rights: await portableRights(user.rights),
  };
}

/** Role names as the services take them: ids; a name that matches no role is a field error. */
async function roleIdsOf(names: readonly string[]): Promise<string[]> {
  const rows = await db().role.findMany({
    where: { nameKey: { in: names.map((n) => n.trim().toLowerCase()) } },
    select: { id: true, nameKey: true },
  });
  const unknown = names.filter((n) => !rows.some((r) => r.nameKey === n.trim().toLowerCase()));
  if (unknown.length > 0) throw invalid({ roles: unknown.map((n) => `No role named "${n}" exists.`) });
  return rows.map((r) => r.id);
}

const userFields = async (user: TPortableUser) => ({
  logonName: user.logonName,
  firstName: user.firstName,
  lastName: user.lastName,
  email: user.email ?? "",
  enabled: user.enabled,
  roleIds: await roleIdsOf(user.roles),
});

const users = defineArea<TPortableUser>({
  key: "users",
  label: "Users",
  objectType: "user",
  schema: ZPortableUser.transform((user) => ({
    ...user,
    email: user.email ?? "",
    roles: [...new Set(user.roles)].sort(),
    rights: sortedRights(user.rights),
  })),
  keyOf: (user) => user.logonName.trim(),
  mayView: (actor) => canSome(actor.rights, "user", "view"),
  exportAll: async (actor) => {
    const rows = await db().user.findMany({
      where: scopeWhere(scopeOf(actor.rights, "user", "view")),
      include: userInclude,
      orderBy: { logonKey: "asc" },
    });
    return Promise.all(rows.map(portableUser));
  },
  find: async (key) => {
    const row = await db().user.findUnique({ where: { logonKey: key.toLowerCase() }, include: userInclude });
    return row ? { id: row.id, version: row.version, record: await portableUser(row) } : null;
  },
  compare: (stored, incoming) => diff(withRightKeys(stored), withRightKeys(incoming)),
  present: withRightKeys,
  create: async (actor, incoming) => {
    // Passwords never travel: the new user gets one nobody knows, until an administrator sets one.
    const password = `${randomBytes(24).toString("base64url")}aA1!`;
    const input = parseRequest(ZCreateUserRequest, {
      ...(await userFields(incoming)),
      kind: incoming.kind,
      password,
      confirmPassword: password,
    });
    await createUser(actor, input, await resolveRights(incoming.rights, "rights"));
    return ["Needs a password: set one on the user's page (Reset password) before it can sign in or authenticate."];
  },
  update: async (actor, stored, incoming) => {
    if (stored.record.kind !== incoming.kind) {
      throw invalid({ kind: ["The kind is chosen when the user is added and cannot change."] });
    }
    const rights = await resolveRights(incoming.rights, "rights");
    let version = stored.version;
    if (JSON.stringify(userFieldsOnly(stored.record)) !== JSON.stringify(userFieldsOnly(incoming))) {
      const input = parseRequest(ZUpdateUserRequest, { ...(await userFields(incoming)), id: stored.id, version });
      version = (await updateUser(actor, input)).version;
    }
    if (JSON.stringify(stored.record.rights) !== JSON.stringify(incoming.rights)) {
      await setUserRights(actor, parseRequest(ZSetUserRightsRequest, { id: stored.id, version, rights }));
    }
    return [];
  },
});

/** What the user form saves (the User Rights block is saved on its own). */
function userFieldsOnly({ rights: _rights, ...fields }: TPortableUser) {
  return fields;
}

/** Rights compared as the audit trail lists them ("role:view:Support"), so a diff reads like one. */
function withRightKeys<R extends { rights: Parameters<typeof rightKeys>[0] }>(record: R) {
  return { ...record, rights: rightKeys(record.rights) };
}

export const TRANSFER_AREAS: readonly TransferArea[] = [
  settings,
  messagingServices,
  roles,
  users,
  communities,
  smsChannels,
];

export const TRANSFER_AREA_KEYS = TRANSFER_AREAS.map((area) => area.key);

export function transferArea(key: string): TransferArea | undefined {
  return TRANSFER_AREAS.find((area) => area.key === key);
}
