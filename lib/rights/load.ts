// Reading a user's grants: those of their roles and those they hold directly.
import type { Db, Tx } from "../db";
import type { Rights } from "./can";

export async function loadRights(client: Db | Tx, userId: string): Promise<Rights> {
  const [memberships, direct] = await Promise.all([
    client.userRole.findMany({
      where: { userId },
      select: { role: { select: { id: true, name: true, rights: true } } },
    }),
    client.userRight.findMany({ where: { userId } }),
  ]);
  return [
    ...memberships.flatMap(({ role }) =>
      role.rights.map((r) => ({
        objectType: r.objectType,
        access: r.access,
        objectId: r.objectId,
        source: { kind: "role" as const, roleId: role.id, roleName: role.name },
      })),
    ),
    ...direct.map((r) => ({
      objectType: r.objectType,
      access: r.access,
      objectId: r.objectId,
      source: { kind: "direct" as const },
    })),
  ];
}
