// Reading a user's grants from their roles.
import type { Db, Tx } from "../db";
import type { Rights } from "./can";

export async function loadRights(client: Db | Tx, userId: string): Promise<Rights> {
  const memberships = await client.userRole.findMany({
    where: { userId },
    select: { role: { select: { id: true, name: true, rights: true } } },
  });
  return memberships.flatMap(({ role }) =>
    role.rights.map((r) => ({
      objectType: r.objectType,
      access: r.access,
      objectId: r.objectId,
      roleId: role.id,
      roleName: role.name,
    })),
  );
}
