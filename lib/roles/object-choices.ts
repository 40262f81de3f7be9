// The objects a role's rights can be limited to, as far as the actor may see them.
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { scopeOf, scopeWhere } from "../rights/can";

const LIMIT = 500;

export async function objectChoices(actor: Actor) {
  const [users, roles] = await Promise.all([
    db().user.findMany({
      where: scopeWhere(scopeOf(actor.rights, "user", "view")),
      select: { id: true, logonName: true },
      orderBy: { logonKey: "asc" },
      take: LIMIT,
    }),
    db().role.findMany({
      where: scopeWhere(scopeOf(actor.rights, "role", "view")),
      select: { id: true, name: true },
      orderBy: { nameKey: "asc" },
      take: LIMIT,
    }),
  ]);
  return { user: users.map((u) => ({ id: u.id, name: u.logonName })), role: roles };
}
