// A user as a record: what its audit rows compare, what its revisions hold, and how the change helper names it.
import type { Changes } from "../audit/diff";
import type { AuditActor } from "../audit/record";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { type RecordKind, writeChangeRecords } from "../records/change";
import { rightKey } from "../roles/grants";

const LOGON_TAKEN = "A user with this logon name exists already.";
export const userWithRoles = {
  roles: { select: { role: { select: { id: true, name: true, builtIn: true, requiresSecondFactor: true } } } },
  rights: true,
} as const;
export type UserWithRoles = Omit<Prisma.UserGetPayload<{ include: typeof userWithRoles }>, "passwordHash">;

export const USER: RecordKind = {
  objectType: "user",
  noun: "user",
  unique: { field: "logonName", message: LOGON_TAKEN },
};

/** What the audit trail records of a user (the password only as set or changed). */
export function snapshot(user: UserWithRoles) {
  return {
    logonName: user.logonName,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    kind: user.kind,
    enabled: user.enabled,
    roles: user.roles.map((r) => r.role.name).sort(),
    rights: user.rights.map(rightKey).sort(),
  };
}

/** What a revision holds: the user as the audit trail sees them, and their roles' ids to restore them by. */
export function fullSnapshot(user: UserWithRoles) {
  return { ...snapshot(user), roleIds: user.roles.map((r) => r.role.id).sort() };
}

/**
 * The audit row and revision of a change to a user's sign-in secrets (a password, a second factor), made
 * in `tx` just before: the revision holds the user as they stand, the secrets never, and the audit row
 * keeps its own words ("reset_password") while the revision counts it as a modify.
 */
export async function recordSecretChange(
  tx: Tx,
  actor: AuditActor,
  userId: string,
  auditAction: string,
  changes: Changes,
): Promise<UserWithRoles> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, include: userWithRoles });
  await writeChangeRecords(
    tx,
    actor,
    USER,
    "modify",
    {
      result: user,
      objectId: user.id,
      objectName: user.logonName,
      version: user.version,
      changes,
      snapshot: fullSnapshot(user),
    },
    auditAction,
  );
  return user;
}
