// Reading a user's grants: those of their roles and those they hold directly (their User Rights block).
import type { Db, Tx } from "../db";
import { readRows } from "../db/read-rows";
import { Prisma } from "../generated/prisma/client";
import type { Rights } from "./can";
import type { Access, ObjectType } from "./catalog";

export interface GrantRow {
  objectType: ObjectType;
  access: Access;
  objectId: string | null;
  /** Null for a grant held directly. */
  roleId: string | null;
  roleName: string | null;
  /** 0 for a role's grant, 1 for one held directly: the order of Rights. */
  held: number;
}

/**
 * Both kinds of grant of the user whose id `userId` is (a bound value or a column such as u."id"), as rows
 * of GrantRow. One statement for both: Prisma's nested reads took four round trips.
 */
export function grantsSql(userId: Prisma.Sql | string): Prisma.Sql {
  return Prisma.sql`
    SELECT 0 AS "held", rr."objectType"::text AS "objectType", rr."access"::text AS "access", rr."objectId",
           r."id" AS "roleId", r."name" AS "roleName"
    FROM "UserRole" ur
    JOIN "Role" r ON r."id" = ur."roleId"
    JOIN "RoleRight" rr ON rr."roleId" = r."id"
    WHERE ur."userId" = ${userId}
    UNION ALL
    SELECT 1, d."objectType"::text, d."access"::text, d."objectId", NULL, NULL
    FROM "UserRight" d
    WHERE d."userId" = ${userId}`;
}

/** Rights from grantsSql's rows in its order (a role's grants first). */
export function rightsOf(rows: readonly GrantRow[]): Rights {
  return rows.map(({ objectType, access, objectId, roleId, roleName }) => ({
    objectType,
    access,
    objectId,
    source: roleId !== null ? { kind: "role" as const, roleId, roleName: roleName ?? "" } : { kind: "direct" as const },
  }));
}

/** Every page, action and API call loads the actor's rights. */
export async function loadRights(client: Db | Tx, userId: string): Promise<Rights> {
  const rows = await readRows<GrantRow>(
    Prisma.sql`SELECT * FROM (${grantsSql(userId)}) AS grants ORDER BY "held"`,
    client,
  );
  return rightsOf(rows);
}
