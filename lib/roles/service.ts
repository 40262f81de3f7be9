// Roles and their rights: listing, reading and changing them, with rights checked and changes audited.

import type { Changes } from "../audit/diff";
import { diff } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { db, type Tx } from "../db";
import { notFound } from "../errors";
import { Prisma, type Role } from "../generated/prisma/client";
import type { TListParams } from "../list/params";
import { readPage } from "../list/sql-page";
import { changeRecord, type RecordKind, requireCurrent } from "../records/change";
import { scopeOf, scopeWhere } from "../rights/can";
import { requireGrantable } from "../rights/grantable";
import type { TDeleteRequest } from "../users/schemas";
import { requireHoldsAll, rightKey } from "./grants";
import { requireRoleCapability } from "./permissions";
import type { TCreateRoleRequest, TRight, TUpdateRoleRequest } from "./schemas";

const NAME_TAKEN = "A role with this name exists already.";

const ROLE: RecordKind = { objectType: "role", noun: "role", unique: { field: "name", message: NAME_TAKEN } };

type RoleWithRights = Prisma.RoleGetPayload<{ include: { rights: true } }>;

/** What the audit trail compares, and what a revision holds: the whole role. */
export function snapshot(role: { name: string; description: string; requiresSecondFactor: boolean; rights: TRight[] }) {
  return {
    name: role.name,
    description: role.description,
    requiresSecondFactor: role.requiresSecondFactor,
    rights: role.rights.map(rightKey).sort(),
  };
}

function dedupe(rights: readonly TRight[]): TRight[] {
  return [...new Map(rights.map((r) => [rightKey(r), { ...r, objectId: r.objectId ?? null }])).values()];
}

export const ROLE_SORTS = ["name", "createdAt", "updatedAt"] as const;

/** A row of the roles list: the role and how many members and rights it has. */
export type RoleListRow = Role & { _count: { users: number; rights: number } };

export async function listRoles(actor: Actor, params: TListParams) {
  await requireRoleCapability(actor, "list");
  return readPage<RoleListRow>(params, {
    table: "Role",
    alias: "r",
    scope: scopeOf(actor.rights, "role", "view"),
    search: { text: params.q, columns: ["name", "description"] },
    columns: ["id", "name", "nameKey", "description", "builtIn", "requiresSecondFactor", "version"],
    timestamps: ["createdAt", "updatedAt"],
    // Counted for the page's roles only, through the roleId indexes.
    related: [
      Prisma.sql`json_build_object(
        'users', (SELECT COUNT(*) FROM "UserRole" ur WHERE ur."roleId" = r."id"),
        'rights', (SELECT COUNT(*) FROM "RoleRight" rr WHERE rr."roleId" = r."id")) AS "_count"`,
    ],
    sorts: ROLE_SORTS,
  });
}

/** Every role the actor may see, for choosing roles on a user. */
export async function roleChoices(actor: Actor) {
  const scope = scopeOf(actor.rights, "role", "view");
  return db().role.findMany({
    where: scopeWhere(scope),
    select: { id: true, name: true, builtIn: true },
    orderBy: { name: "asc" },
  });
}

export async function getRole(actor: Actor, id: string) {
  await requireRoleCapability(actor, "view", { id });
  const role = await db().role.findUnique({
    where: { id },
    include: { rights: true, users: { select: { user: { select: { id: true, logonName: true } } }, take: 100 } },
  });
  if (!role) throw notFound("This role");
  return role;
}

async function requireMayGrant(actor: Actor, roleId: string | undefined, added: readonly TRight[]) {
  await requireRoleCapability(actor, "manageRights", roleId ? { id: roleId } : undefined);
  await requireHoldsAll(actor, added, "role rights");
  await requireGrantable(added);
}

/** A deleted role brought back by a restore: its old id, and the version after its last one. */
export interface Revived {
  id: string;
  version: number;
}

function outcome(role: RoleWithRights, changes: Changes) {
  return {
    result: role,
    objectId: role.id,
    objectName: role.name,
    version: role.version,
    changes,
    snapshot: snapshot(role),
  };
}

function nameTaken(nameKey: string) {
  return async (tx: Tx, current?: { nameKey: string }) =>
    (!current || current.nameKey !== nameKey) &&
    !!(await tx.role.findUnique({ where: { nameKey }, select: { id: true } }));
}

export async function createRole(actor: Actor, input: TCreateRoleRequest, revived?: Revived) {
  await requireRoleCapability(actor, "create");
  const rights = dedupe(input.rights);
  if (rights.length > 0) await requireMayGrant(actor, undefined, rights);
  const nameKey = input.name.toLowerCase();
  return changeRecord<RoleWithRights, RoleWithRights>(actor, ROLE, {
    action: revived ? "restore" : "create",
    nameTaken: nameTaken(nameKey),
    apply: async (tx) => {
      const role = await tx.role.create({
        data: {
          ...revived,
          name: input.name,
          nameKey,
          description: input.description,
          requiresSecondFactor: input.requiresSecondFactor ?? false,
          rights: { create: rights },
        },
        include: { rights: true },
      });
      return outcome(role, diff(null, snapshot(role)));
    },
  });
}

/** `action` is "restore" when a revision is brought back: same rights, checks and version as a save. */
export async function updateRole(actor: Actor, input: TUpdateRoleRequest, action: "modify" | "restore" = "modify") {
  await requireRoleCapability(actor, "modify", { id: input.id });
  const before = requireCurrent(
    ROLE,
    await db().role.findUnique({ where: { id: input.id }, include: { rights: true } }),
    input.version,
  );
  await requireRoleCapability(actor, "modify", before);
  const rights = dedupe(input.rights);
  const beforeKeys = new Set(before.rights.map(rightKey));
  const afterKeys = new Set(rights.map(rightKey));
  const added = rights.filter((r) => !beforeKeys.has(rightKey(r)));
  const rightsChanged = added.length > 0 || beforeKeys.size !== afterKeys.size;
  if (rightsChanged) await requireMayGrant(actor, input.id, added);
  const nameKey = input.name.toLowerCase();
  return changeRecord<RoleWithRights, RoleWithRights>(actor, ROLE, {
    action,
    nameTaken: (tx) => nameTaken(nameKey)(tx, before),
    apply: async (tx) => {
      const role = await tx.role.update({
        where: { id: input.id, version: input.version },
        data: {
          name: input.name,
          nameKey,
          description: input.description,
          requiresSecondFactor: input.requiresSecondFactor ?? before.requiresSecondFactor,
          version: { increment: 1 },
          ...(rightsChanged ? { rights: { deleteMany: {}, create: rights } } : {}),
        },
        include: { rights: true },
      });
      // Members' rights changed: their sessions end and they sign in again under the new rights.
      if (rightsChanged) {
        await tx.user.updateMany({
          where: { roles: { some: { roleId: role.id } } },
          data: { authVersion: { increment: 1 } },
        });
      }
      return outcome(role, diff(snapshot(before), snapshot(role)));
    },
  });
}

export async function deleteRole(actor: Actor, input: TDeleteRequest) {
  await requireRoleCapability(actor, "delete", { id: input.id });
  await changeRecord<RoleWithRights, void>(actor, ROLE, {
    action: "delete",
    current: {
      load: (tx) => tx.role.findUnique({ where: { id: input.id }, include: { rights: true } }),
      version: input.version,
    },
    apply: async (tx, before) => {
      if (!before) throw notFound("This role");
      await requireRoleCapability(actor, "delete", before);
      await tx.user.updateMany({
        where: { roles: { some: { roleId: before.id } } },
        data: { authVersion: { increment: 1 } },
      });
      await tx.role.delete({ where: { id: input.id, version: input.version } });
      return { ...outcome(before, diff(snapshot(before), null)), result: undefined };
    },
  });
}
