// Roles and their rights: listing, reading and changing them, with rights checked and changes audited.

import type { Changes } from "../audit/diff";
import { diff } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { db, type Tx } from "../db";
import { readRows } from "../db/read-rows";
import { notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { PAGE_SIZE, pageOf, skipFor, sortColumn, type TListParams, textContains } from "../list/params";
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

export async function listRoles(actor: Actor, params: TListParams) {
  await requireRoleCapability(actor, "list");
  const scope = scopeOf(actor.rights, "role", "view");
  const where: Prisma.RoleWhereInput = {
    ...scopeWhere(scope),
    ...(params.q
      ? {
          OR: [{ name: textContains(params.q) }, { description: textContains(params.q) }],
        }
      : {}),
  };
  const sort = sortColumn(params.sort, ROLE_SORTS, "name");
  const [rows, total] = await Promise.all([
    db().role.findMany({
      where,
      orderBy: [{ [sort]: params.dir }, { id: "asc" }],
      skip: skipFor(params.page),
      take: PAGE_SIZE,
    }),
    db().role.count({ where }),
  ]);
  const counts = await memberAndRightCounts(rows.map((row) => row.id));
  return pageOf(
    rows.map((row) => ({ ...row, _count: counts.get(row.id) ?? { users: 0, rights: 0 } })),
    total,
    params.page,
  );
}

/**
 * How many users and rights each of these roles has, in one read through the roleId indexes. Prisma's
 * `_count` include grouped the whole UserRole and RoleRight tables for every page, however few its rows.
 */
async function memberAndRightCounts(roleIds: readonly string[]) {
  if (roleIds.length === 0) return new Map<string, { users: number; rights: number }>();
  const rows = await readRows<{ id: string; users: number; rights: number }>(Prisma.sql`
    SELECT r."id",
      (SELECT COUNT(*)::int FROM "UserRole" ur WHERE ur."roleId" = r."id") AS "users",
      (SELECT COUNT(*)::int FROM "RoleRight" rr WHERE rr."roleId" = r."id") AS "rights"
    FROM "Role" r WHERE r."id" IN (${Prisma.join([...roleIds])})`);
  return new Map(rows.map(({ id, ...counts }) => [id, counts]));
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
