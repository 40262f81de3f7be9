// The objects that rights can be limited to: their names, whether they exist, and which ones an actor
// may choose from. One entry per object type that can be limited.
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { scopeOf, scopeWhere } from "./can";
import { type ObjectType, SCOPABLE_TYPES } from "./catalog";

export type ScopableType = (typeof SCOPABLE_TYPES)[number];

type Named = { id: string; name: string };

const CHOICES_LIMIT = 500;

const LOOKUPS = {
  messaging_service: (where: { id?: { in: string[] } }, take?: number) =>
    db().messagingService.findMany({ where, select: { id: true, name: true }, orderBy: { nameKey: "asc" }, take }),
  user: async (where: { id?: { in: string[] } }, take?: number) =>
    (
      await db().user.findMany({ where, select: { id: true, logonName: true }, orderBy: { logonKey: "asc" }, take })
    ).map((u) => ({ id: u.id, name: u.logonName })),
  role: (where: { id?: { in: string[] } }, take?: number) =>
    db().role.findMany({ where, select: { id: true, name: true }, orderBy: { nameKey: "asc" }, take }),
  community: (where: { id?: { in: string[] } }, take?: number) =>
    db().community.findMany({ where, select: { id: true, name: true }, orderBy: { nameKey: "asc" }, take }),
  sms_channel: (where: { id?: { in: string[] } }, take?: number) =>
    db().smsChannel.findMany({ where, select: { id: true, name: true }, orderBy: { nameKey: "asc" }, take }),
} satisfies Record<ScopableType, (where: { id?: { in: string[] } }, take?: number) => Promise<Named[]>>;

export function isScopable(type: ObjectType): type is ScopableType {
  return type in LOOKUPS;
}

/** Names for object ids of any scopable type, for showing rights to people. */
export async function objectNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const found = await Promise.all(SCOPABLE_TYPES.map((type) => LOOKUPS[type]({ id: { in: wanted } })));
  return new Map(found.flat().map((o) => [o.id, o.name]));
}

export async function objectExists(type: ObjectType, id: string): Promise<boolean> {
  return isScopable(type) && (await LOOKUPS[type]({ id: { in: [id] } })).length > 0;
}

/** The objects of each scopable type the actor may see, to limit a role's rights to. */
export async function objectChoices(actor: Actor): Promise<Record<ScopableType, Named[]>> {
  const lists = await Promise.all(
    SCOPABLE_TYPES.map((type) => LOOKUPS[type](scopeWhere(scopeOf(actor.rights, type, "view")), CHOICES_LIMIT)),
  );
  return Object.fromEntries(SCOPABLE_TYPES.map((type, i) => [type, lists[i] ?? []])) as Record<ScopableType, Named[]>;
}
