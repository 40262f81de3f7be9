// Rights as they travel: a right limited to one object names it by its natural key (a service's or
// role's name, a user's logon name), since ids differ from one installation to the next.
import { z } from "zod";
import { db } from "../db";
import { invalid } from "../errors";
import { ACCESSES, isApplicable, OBJECT_TYPES, type ObjectType, SCOPABLE_TYPES } from "../rights/catalog";
import { objectNames } from "../rights/objects";
import type { TRight } from "../roles/schemas";

export const ZPortableRight = z
  .strictObject({
    objectType: z.enum(OBJECT_TYPES),
    access: z.enum(ACCESSES),
    /** The one object the right is limited to, by name; absent for every object of the type. */
    object: z.string().min(1).max(300).optional(),
  })
  .refine((r) => isApplicable(r.objectType, r.access), { message: "This access does not apply to this object type." });

export type TPortableRight = z.infer<typeof ZPortableRight>;

const sortKey = (r: TPortableRight) => `${r.objectType}:${r.access}:${r.object ?? ""}`;

/** Stored rights in portable form, sorted so that two sets compare as equal when they are. */
export async function portableRights(rights: readonly TRight[]): Promise<TPortableRight[]> {
  const names = await objectNames(rights.map((r) => r.objectId));
  return rights
    .flatMap((r): TPortableRight[] => {
      if (!r.objectId) return [{ objectType: r.objectType, access: r.access }];
      const name = names.get(r.objectId);
      // A right on an object that is gone grants nothing; it does not travel.
      return name ? [{ objectType: r.objectType, access: r.access, object: name }] : [];
    })
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

export function sortedRights(rights: readonly TPortableRight[]): TPortableRight[] {
  const unique = new Map(rights.map((r) => [sortKey(r), r]));
  return [...unique.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

async function idOf(type: ObjectType, name: string): Promise<string | undefined> {
  const key = name.toLowerCase();
  const where = { select: { id: true } } as const;
  if (type === "messaging_service")
    return (await db().messagingService.findUnique({ where: { nameKey: key }, ...where }))?.id;
  if (type === "role") return (await db().role.findUnique({ where: { nameKey: key }, ...where }))?.id;
  if (type === "user") return (await db().user.findUnique({ where: { logonKey: key }, ...where }))?.id;
  return undefined;
}

/** Portable rights as the services take them; a name that matches nothing is a field error on `field`. */
export async function resolveRights(rights: readonly TPortableRight[], field: string): Promise<TRight[]> {
  const problems: string[] = [];
  const resolved: TRight[] = [];
  for (const right of rights) {
    if (!right.object) {
      resolved.push({ objectType: right.objectType, access: right.access, objectId: null });
      continue;
    }
    if (!(SCOPABLE_TYPES as readonly ObjectType[]).includes(right.objectType)) {
      problems.push(`Rights on ${right.objectType} cannot be limited to one object.`);
      continue;
    }
    const id = await idOf(right.objectType, right.object);
    if (id) resolved.push({ objectType: right.objectType, access: right.access, objectId: id });
    else problems.push(`No ${right.objectType.replaceAll("_", " ")} named "${right.object}" exists.`);
  }
  if (problems.length > 0) throw invalid({ [field]: problems });
  return resolved;
}

/** "messaging_service:view:Orders" (or ":*" for every object): the audit trail's right keys, with names. */
export function rightKeys(rights: readonly TPortableRight[]): string[] {
  return rights.map((r) => `${r.objectType}:${r.access}:${r.object ?? "*"}`);
}
