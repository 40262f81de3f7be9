// Deciding rights: pure functions over the grants a user holds through their roles.
import type { Access, ObjectType } from "./catalog";

export interface Grant {
  objectType: ObjectType;
  access: Access;
  /** Null: every object of the type. */
  objectId: string | null;
  roleId: string;
  roleName: string;
}

export type Rights = readonly Grant[];

/** The access on every object of the type (needed to create, and to see a type's whole list). */
export function canAll(rights: Rights, objectType: ObjectType, access: Access): boolean {
  return rights.some((g) => g.objectType === objectType && g.access === access && g.objectId === null);
}

/** The access on at least one object of the type (enough to show the area). */
export function canSome(rights: Rights, objectType: ObjectType, access: Access): boolean {
  return rights.some((g) => g.objectType === objectType && g.access === access);
}

/** The access on this one object. */
export function canOn(rights: Rights, objectType: ObjectType, access: Access, objectId: string): boolean {
  return rights.some(
    (g) => g.objectType === objectType && g.access === access && (g.objectId === null || g.objectId === objectId),
  );
}

export type Scope = { all: true } | { all: false; ids: string[] };

/** Which objects of a type the access reaches; put into a Prisma `where` so others match no row. */
export function scopeOf(rights: Rights, objectType: ObjectType, access: Access): Scope {
  if (canAll(rights, objectType, access)) return { all: true };
  const ids = rights
    .filter((g) => g.objectType === objectType && g.access === access && g.objectId !== null)
    .map((g) => g.objectId as string);
  return { all: false, ids: [...new Set(ids)] };
}

export function scopeWhere(scope: Scope): { id?: { in: string[] } } {
  return scope.all ? {} : { id: { in: scope.ids } };
}

/** A right the actor may hand on: they hold it on the same objects or more. */
export function holdsRight(
  rights: Rights,
  right: { objectType: ObjectType; access: Access; objectId?: string | null },
): boolean {
  return right.objectId
    ? canOn(rights, right.objectType, right.access, right.objectId)
    : canAll(rights, right.objectType, right.access);
}

/** Effective rights for display: one row per right, with every role that grants it. */
export function effectiveRights(
  rights: Rights,
): { objectType: ObjectType; access: Access; objectId: string | null; roles: string[] }[] {
  const rows = new Map<string, { objectType: ObjectType; access: Access; objectId: string | null; roles: string[] }>();
  for (const g of rights) {
    const key = `${g.objectType}:${g.access}:${g.objectId ?? "*"}`;
    const row = rows.get(key) ?? { objectType: g.objectType, access: g.access, objectId: g.objectId, roles: [] };
    if (!row.roles.includes(g.roleName)) row.roles.push(g.roleName);
    rows.set(key, row);
  }
  return [...rows.values()];
}
