// Users: listing, reading and changing them, with rights checked and every change audited.

import type { Changes } from "../audit/diff";
import { diff } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { hashPassword, verifyPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { requireProof } from "../auth/proof";
import { type Db, db, type Tx } from "../db";
import { invalid, isRecordNotFound, notFound, stale } from "../errors";
import { Prisma, type User } from "../generated/prisma/client";
import type { Counting } from "../list/params";
import { readPage } from "../list/sql-page";
import { changeRecord, requireCurrent } from "../records/change";
import { effectiveRights, scopeOf } from "../rights/can";
import { loadRights } from "../rights/load";
import { requireHoldsAll, rightKey } from "../roles/grants";
import type { TRight } from "../roles/schemas";
import { assertAdministratorRemains } from "./administrators";
import { dedupeRights, requireMayGrantDirect } from "./direct-rights";
import { requireUserCapability, requireUserCapabilityOnHolder } from "./permissions";
import { fullSnapshot, recordSecretChange, snapshot, USER, type UserWithRoles, userWithRoles } from "./record";
import type {
  TChangeOwnPasswordRequest,
  TCreateUserRequest,
  TDeleteRequest,
  TResetPasswordRequest,
  TResetSecondFactorRequest,
  TUpdateUserRequest,
  TUserListFilter,
} from "./schemas";

export const USER_SORTS = ["logonName", "lastName", "firstName", "kind", "enabled", "createdAt"] as const;

/** A row of the users list: the user without secrets, and their roles by name. */
export type UserListRow = Omit<User, "passwordHash" | "totpSecretSealed" | "totpPendingSealed"> & {
  roles: { role: { id: string; name: string; builtIn: string | null; requiresSecondFactor: boolean } }[];
};

export async function listUsers(actor: Actor, params: TUserListFilter, counting: Counting = "exact") {
  await requireUserCapability(actor, "list");
  return readPage<UserListRow>(
    params,
    {
      table: "User",
      alias: "u",
      scope: scopeOf(actor.rights, "user", "view"),
      search: { text: params.q, columns: ["logonName", "firstName", "lastName", "email"] },
      where: params.kind ? [Prisma.sql`u."kind" = ${params.kind}::"UserKind"`] : [],
      columns: [
        "id",
        "logonName",
        "logonKey",
        "firstName",
        "lastName",
        "email",
        "kind",
        "enabled",
        "mustChangePassword",
        "authVersion",
        "totpLastStep",
        "version",
      ],
      timestamps: ["lastSignInAt", "createdAt", "updatedAt", "totpEnabledAt"],
      // A row shows the roles; direct rights (thousands, for an integration's user) are for its own page.
      related: [
        Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('role', json_build_object('id', r."id", 'name', r."name",
          'builtIn', r."builtIn", 'requiresSecondFactor', r."requiresSecondFactor")) ORDER BY r."name", r."id"), '[]')
        FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId" WHERE ur."userId" = u."id") AS "roles"`,
      ],
      sorts: USER_SORTS,
    },
    counting,
  );
}

export async function getUser(actor: Actor, id: string) {
  await requireUserCapability(actor, "view", { id });
  const user = await db().user.findUnique({ where: { id }, include: userWithRoles });
  if (!user) throw notFound("This user");
  const rights = await loadRights(db(), id);
  // `heldRights`: for the page's capabilities (acting on a stronger user is refused).
  return { user, effectiveRights: effectiveRights(rights), heldRights: rights };
}

/** Changing a user's roles needs manage_rights on the user; each added role's rights must be the actor's own. */
async function requireMayAssign(actor: Actor, client: Db, userId: string | undefined, addedRoleIds: readonly string[]) {
  await requireUserCapability(actor, "manageRights", userId ? { id: userId } : undefined);
  const roles = await client.role.findMany({ where: { id: { in: [...addedRoleIds] } }, include: { rights: true } });
  if (roles.length !== new Set(addedRoleIds).size)
    throw invalid({ roleIds: ["One of the chosen roles no longer exists."] });
  for (const role of roles) await requireHoldsAll(actor, role.rights, `role ${role.name}`);
}

async function checkPassword(password: string, logonName: string, field: string) {
  const problem = await passwordProblem(password, logonName);
  if (problem) throw invalid({ [field]: [problem] });
}

/** The audit row and revision of a user change (the password never: it only appears as set). */
function outcome(user: UserWithRoles, changes: Changes) {
  return {
    result: user,
    objectId: user.id,
    objectName: user.logonName,
    version: user.version,
    changes,
    snapshot: fullSnapshot(user),
  };
}

const logonTaken = (logonKey: string) => async (tx: Tx, current?: { logonKey: string }) =>
  (!current || current.logonKey !== logonKey) &&
  !!(await tx.user.findUnique({ where: { logonKey }, select: { id: true } }));

/**
 * `directRights`: rights the new user holds themselves (the incoming-user flow grants Use on one service).
 * `revived`: a deleted user brought back by a restore (its old id, and the version after its last one).
 */
export async function createUser(
  actor: Actor,
  input: TCreateUserRequest,
  directRights: readonly TRight[] = [],
  revived?: { id: string; version: number },
) {
  await requireUserCapability(actor, "create");
  await checkPassword(input.password, input.logonName, "password");
  if (input.roleIds.length > 0) await requireMayAssign(actor, db(), undefined, input.roleIds);
  const rights = dedupeRights(directRights);
  if (rights.length > 0) await requireMayGrantDirect(actor, undefined, rights);
  const passwordHash = await hashPassword(input.password);
  const logonKey = input.logonName.toLowerCase();
  return changeRecord<UserWithRoles, UserWithRoles>(actor, USER, {
    action: revived ? "restore" : "create",
    nameTaken: logonTaken(logonKey),
    apply: async (tx) => {
      const user = await tx.user.create({
        data: {
          ...revived,
          logonName: input.logonName,
          logonKey,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email || null,
          kind: input.kind,
          enabled: input.enabled,
          passwordHash,
          // A console user chooses their own password at first sign-in; external users never sign in.
          mustChangePassword: input.kind === "console",
          roles: { create: [...new Set(input.roleIds)].map((roleId) => ({ roleId })) },
          rights: { create: rights },
        },
        include: userWithRoles,
      });
      return outcome(user, diff(null, { ...snapshot(user), password: "set" }, ["password"]));
    },
  });
}

/**
 * `restore`: a revision is brought back, with the rights the user held directly then; the same rights,
 * checks and version as a save (and as setUserRights for the direct rights).
 */
export async function updateUser(actor: Actor, input: TUpdateUserRequest, restore?: { rights: readonly TRight[] }) {
  await requireUserCapability(actor, "modify", { id: input.id });
  // Rights are decided on what the user looked like when the form was opened; the versioned
  // update below refuses the save if anything changed since.
  const before = requireCurrent(
    USER,
    await db().user.findUnique({ where: { id: input.id }, include: userWithRoles }),
    input.version,
  );
  const beforeRoles = new Set(before.roles.map((r) => r.role.id));
  const afterRoles = new Set(input.roleIds);
  const rolesChanged = beforeRoles.size !== afterRoles.size || [...afterRoles].some((id) => !beforeRoles.has(id));
  if (rolesChanged) {
    await requireMayAssign(
      actor,
      db(),
      input.id,
      [...afterRoles].filter((id) => !beforeRoles.has(id)),
    );
  }
  const directRights = restore ? dedupeRights(restore.rights) : undefined;
  const beforeRights = before.rights.map(rightKey);
  const addedRights = (directRights ?? []).filter((r) => !beforeRights.includes(rightKey(r)));
  const rightsChanged =
    directRights !== undefined && (addedRights.length > 0 || directRights.length !== beforeRights.length);
  if (rightsChanged) await requireMayGrantDirect(actor, input.id, addedRights);
  // Any change (a new logon name, re-enabling, even the e-mail) to a user more powerful than the
  // actor could lock them out or bring them back: it needs every right that user holds.
  await requireUserCapabilityOnHolder(actor, "modify", before);
  const logonKey = input.logonName.toLowerCase();
  return changeRecord<UserWithRoles, UserWithRoles>(actor, USER, {
    action: restore ? "restore" : "modify",
    nameTaken: (tx) => logonTaken(logonKey)(tx, before),
    apply: async (tx) => {
      const endSessions = rolesChanged || rightsChanged || before.enabled !== input.enabled;
      const user = await tx.user.update({
        where: { id: input.id, version: input.version },
        data: {
          logonName: input.logonName,
          logonKey,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email || null,
          enabled: input.enabled,
          version: { increment: 1 },
          ...(endSessions ? { authVersion: { increment: 1 } } : {}),
          ...(rolesChanged ? { roles: { deleteMany: {}, create: [...afterRoles].map((roleId) => ({ roleId })) } } : {}),
          ...(rightsChanged ? { rights: { deleteMany: {}, create: directRights } } : {}),
        },
        include: userWithRoles,
      });
      await assertAdministratorRemains(tx);
      return outcome(user, diff(snapshot(before), snapshot(user)));
    },
  });
}

export async function deleteUser(actor: Actor, input: TDeleteRequest) {
  await requireUserCapability(actor, "delete", { id: input.id });
  await requireUserCapabilityOnHolder(actor, "delete", { id: input.id });
  await changeRecord<UserWithRoles, void>(actor, USER, {
    action: "delete",
    current: {
      load: (tx) => tx.user.findUnique({ where: { id: input.id }, include: userWithRoles }),
      version: input.version,
    },
    apply: async (tx, before) => {
      if (!before) throw notFound("This user");
      await tx.user.delete({ where: { id: input.id, version: input.version } });
      await assertAdministratorRemains(tx);
      return { ...outcome(before, diff(snapshot(before), null)), result: undefined };
    },
  });
}

/** An administrator sets a new password; the user must change it at their next sign-in. */
export async function resetPassword(actor: Actor, input: TResetPasswordRequest) {
  await requireUserCapability(actor, "resetPassword", { id: input.id });
  const target = await db().user.findUnique({ where: { id: input.id }, select: { logonName: true, kind: true } });
  if (!target) throw notFound("This user");
  // Setting a password takes over the account.
  await requireUserCapabilityOnHolder(actor, "resetPassword", { id: input.id, logonName: target.logonName });
  await checkPassword(input.password, target.logonName, "password");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      await tx.user.update({
        where: { id: input.id, version: input.version },
        data: {
          passwordHash,
          mustChangePassword: target.kind === "console",
          authVersion: { increment: 1 },
          version: { increment: 1 },
        },
      });
      return recordSecretChange(tx, actor, input.id, "reset_password", { password: "changed" });
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw stale("user");
    throw error;
  }
}

/** The signed-in user changes their own password (also the forced change at first sign-in). */
export async function changeOwnPassword(actor: Actor, input: TChangeOwnPasswordRequest) {
  const user = await db().user.findUnique({ where: { id: actor.id }, omit: { passwordHash: false } });
  if (!user) throw notFound("Your user");
  // Guesses count toward the sign-in lockout of this logon name.
  await requireProof(actor, user, {
    action: "change_password",
    field: "currentPassword",
    wrongMessage: "This is not your current password.",
    wrongDetail: "Current password not correct",
    verify: () => verifyPassword(user.passwordHash, input.currentPassword),
  });
  if (input.newPassword === input.currentPassword) {
    throw invalid({ newPassword: ["Choose a password different from the current one."] });
  }
  await checkPassword(input.newPassword, user.logonName, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, authVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await recordSecretChange(tx, actor, user.id, "change_password", { password: "changed" });
  });
}

/**
 * An administrator clears a user's second factor (a lost phone): the user sets up a new one, at
 * their next sign-in when a role requires it. Their sessions end. Takes over the account like a
 * password reset, so the same rule: only on users holding no right beyond the actor's.
 */
export async function resetSecondFactor(actor: Actor, input: TResetSecondFactorRequest) {
  await requireUserCapability(actor, "resetSecondFactor", { id: input.id });
  const target = await db().user.findUnique({
    where: { id: input.id },
    select: { logonName: true, totpEnabledAt: true, totpPendingSealed: true },
  });
  if (!target) throw notFound("This user");
  await requireUserCapabilityOnHolder(actor, "resetSecondFactor", { id: input.id, logonName: target.logonName });
  if (!target.totpEnabledAt && !target.totpPendingSealed)
    throw invalid({}, `${target.logonName} has no second factor.`);
  try {
    return await db().$transaction(async (tx) => {
      await tx.user.update({
        where: { id: input.id, version: input.version },
        data: {
          totpSecretSealed: null,
          totpPendingSealed: null,
          totpEnabledAt: null,
          totpLastStep: null,
          authVersion: { increment: 1 },
          version: { increment: 1 },
        },
      });
      await tx.recoveryCode.deleteMany({ where: { userId: input.id } });
      return recordSecretChange(tx, actor, input.id, "reset_second_factor", {
        secondFactor: "cleared",
        recoveryCodes: "cleared",
      });
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw stale("user");
    throw error;
  }
}
