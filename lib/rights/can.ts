// Deciding rights: pure functions over the grants a user holds through their roles and directly.
import { ACCESSES, type Access, OBJECT_TYPES, type ObjectType } from "./catalog";

/** Where a grant comes from: one of the user's roles, or the user's own User Rights block. */
export type GrantSource = { kind: "role"; roleId: string; roleName: string } | { kind: "direct" };

export interface Grant {
  objectType: ObjectType;
  access: Access;
  /** Null: every object of the type. */
  objectId: string | null;
  source: GrantSource;
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

export interface EffectiveRight {
  objectType: ObjectType;
  access: Access;
  objectId: string | null;
  /** The roles that grant it, each once. */
  roles: string[];
  /** Whether the user also holds it directly. */
  direct: boolean;
}

/**
 * Effective rights for display: one row per right, with every role that grants it and whether it is held directly,
 * in the rights editor's order (type, access, all objects before chosen ones) so a direct grant sits with its kind.
 */
export function effectiveRights(rights: Rights): EffectiveRight[] {
  const rows = new Map<string, EffectiveRight>();
  for (const g of rights) {
    const key = `${g.objectType}:${g.access}:${g.objectId ?? "*"}`;
    const row = rows.get(key) ?? {
      objectType: g.objectType,
      access: g.access,
      objectId: g.objectId,
      roles: [],
      direct: false,
    };
    if (g.source.kind === "direct") row.direct = true;
    else if (!row.roles.includes(g.source.roleName)) row.roles.push(g.source.roleName);
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      OBJECT_TYPES.indexOf(a.objectType) - OBJECT_TYPES.indexOf(b.objectType) ||
      ACCESSES.indexOf(a.access) - ACCESSES.indexOf(b.access) ||
      Number(a.objectId !== null) - Number(b.objectId !== null),
  );
}
