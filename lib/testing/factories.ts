// Test data through small factories: every call makes new, uniquely named rows, so tests never
// depend on each other or on what an earlier run left.
import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { UserKind } from "../generated/prisma/enums";
import { BUILT_IN_ROLES, type BuiltInRoleKey, type RightSpec } from "../rights/built-in-roles";
import { loadRights } from "../rights/load";
import { TEST_ADMIN_LOGON, TEST_PASSWORD } from "./constants";

let counter = 0;

/** A name no other call returns, valid as a logon name and a role name. */
export function uniqueName(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString("hex")}`;
}

const hashes = new Map<string, Promise<string>>();

/** argon2 is slow on purpose; one hash per password and test file is enough. */
function hashOf(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

function isBuiltInKey(value: string): value is BuiltInRoleKey {
  return BUILT_IN_ROLES.some((role) => role.key === value);
}

/** Role ids for built-in role keys ("operator") or ids of roles the test made. */
export async function roleIds(roles: readonly string[]): Promise<string[]> {
  return Promise.all(
    roles.map(async (role) =>
      isBuiltInKey(role) ? (await db().role.findUniqueOrThrow({ where: { builtIn: role } })).id : role,
    ),
  );
}

export interface MakeUserOptions {
  /** Built-in role keys or role ids. */
  roles?: readonly string[];
  logonName?: string;
  password?: string;
  kind?: UserKind;
  enabled?: boolean;
  mustChangePassword?: boolean;
}

export async function makeUser(options: MakeUserOptions = {}) {
  const logonName = options.logonName ?? uniqueName("user");
  return db().user.create({
    data: {
      logonName,
      logonKey: logonName.toLowerCase(),
      firstName: "Test",
      lastName: logonName,
      passwordHash: await hashOf(options.password ?? TEST_PASSWORD),
      kind: options.kind ?? "console",
      enabled: options.enabled ?? true,
      mustChangePassword: options.mustChangePassword ?? false,
      roles: { create: (await roleIds(options.roles ?? [])).map((roleId) => ({ roleId })) },
    },
  });
}

export async function makeRole(
  options: { rights?: readonly RightSpec[]; name?: string; requiresSecondFactor?: boolean } = {},
) {
  const name = options.name ?? uniqueName("role");
  return db().role.create({
    data: {
      name,
      nameKey: name.toLowerCase(),
      requiresSecondFactor: options.requiresSecondFactor ?? false,
      rights: {
        create: (options.rights ?? []).map((r) => ({
          objectType: r.objectType,
          access: r.access,
          objectId: r.objectId ?? null,
        })),
      },
    },
    include: { rights: true },
  });
}

/** The user as a service sees them when they act: their rights as their roles stand now. */
export async function actorFor(userId: string, clientAddress: string | null = "192.0.2.10"): Promise<Actor> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    include: { roles: { where: { role: { requiresSecondFactor: true } }, select: { roleId: true }, take: 1 } },
  });
  return {
    id: user.id,
    logonName: user.logonName,
    displayName: `${user.firstName} ${user.lastName}`,
    rights: await loadRights(db(), user.id),
    clientAddress,
    mustChangePassword: user.mustChangePassword,
    mustEnrolSecondFactor: !user.totpEnabledAt && user.roles.length > 0,
  };
}

/** A new user with these roles (built-in keys or role ids), as an actor. */
export async function makeActor(options: MakeUserOptions = {}): Promise<Actor> {
  return actorFor((await makeUser(options)).id);
}

/** A user holding exactly these rights through a role of their own, as an actor. */
export async function actorWithRights(rights: readonly RightSpec[]): Promise<Actor> {
  const role = await makeRole({ rights });
  return makeActor({ roles: [role.id] });
}

/** A user who may view only these objects of one type, as an actor: for lists scoped by rights. */
export async function actorViewing(objectType: RightSpec["objectType"], ids: readonly string[]): Promise<Actor> {
  return actorWithRights(ids.map((objectId) => ({ objectType, access: "view", objectId })));
}

/** The administrator that start-up created. */
export async function bootstrapAdministrator(): Promise<Actor> {
  const admin = await db().user.findUniqueOrThrow({ where: { logonKey: TEST_ADMIN_LOGON } });
  return actorFor(admin.id);
}

/**
 * The name each table's row count goes by. Keyed by Prisma's model names, so a model added to the
 * schema without an entry here fails to compile (and lib/testing/factories.int.test.ts compares
 * it with schema.prisma).
 */
export const COUNTED_TABLES = {
  User: "users",
  Role: "roles",
  RoleRight: "roleRights",
  UserRight: "userRights",
  RecoveryCode: "recoveryCodes",
  UserRole: "userRoles",
  SignInThrottle: "signInThrottles",
  AuditEvent: "auditEvents",
  MessagingService: "messagingServices",
  MessagingCredential: "messagingCredentials",
  Setting: "settings",
  RevokedSession: "revokedSessions",
  ApiToken: "apiTokens",
  Revision: "revisions",
  Community: "communities",
  CommunityJwtKey: "communityJwtKeys",
  SmsChannel: "smsChannels",
  InboundFailure: "inboundFailures",
  SinchNonce: "sinchNonces",
} as const satisfies Record<Prisma.ModelName, string>;

type TableCounts = Record<(typeof COUNTED_TABLES)[Prisma.ModelName], number>;

function countRows(model: Prisma.ModelName): Promise<number> {
  const delegate: { count(): Promise<number> } = db()[uncapitalize(model)];
  return delegate.count();
}

function uncapitalize<T extends string>(name: T): Uncapitalize<T> {
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}` as Uncapitalize<T>;
}

/** Row counts of every table, to show that a refused change wrote nothing. */
export async function tableCounts(): Promise<TableCounts> {
  const models = Object.values(Prisma.ModelName);
  const counts = await Promise.all(models.map(countRows));
  return Object.fromEntries(models.map((model, i) => [COUNTED_TABLES[model], counts[i]])) as TableCounts;
}

/** A community straight in the database (no audit row), for tests that need one to exist. */
export async function makeCommunity(
  options: { name?: string; signedIdentities?: "accept" | "reject" | "require" } = {},
) {
  const name = options.name ?? uniqueName("community");
  return db().community.create({
    data: { name, nameKey: name.toLowerCase(), signedIdentities: options.signedIdentities ?? "reject" },
  });
}

/** An SMS channel stored directly (no rights, no audit), with these plain options. */
export async function makeSmsChannel(options: { name?: string; options?: Record<string, string> } = {}) {
  const name = options.name ?? uniqueName("sms").replace(/[^A-Za-z0-9_-]/g, "_");
  return db().smsChannel.create({ data: { name, nameKey: name.toLowerCase(), options: options.options ?? {} } });
}
