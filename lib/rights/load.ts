// Reading a user's grants: those of their roles and those they hold directly (their User Rights block).
import type { Db, Tx } from "../db";
import type { Rights } from "./can";

export async function loadRights(client: Db | Tx, userId: string): Promise<Rights> {
  // One after the other: the client may be a transaction, which runs one query at a time.
  const memberships = await client.userRole.findMany({
    where: { userId },
    select: { role: { select: { id: true, name: true, rights: true } } },
  });
  const direct = await client.userRight.findMany({
    where: { userId },
    select: { objectType: true, access: true, objectId: true },
  });
  return [
    ...memberships.flatMap(({ role }) =>
      role.rights.map((r) => ({
        objectType: r.objectType,
        access: r.access,
        objectId: r.objectId,
        source: { kind: "role" as const, roleId: role.id, roleName: role.name },
      })),
    ),
    ...direct.map((r) => ({ ...r, source: { kind: "direct" as const } })),
  ];
}
