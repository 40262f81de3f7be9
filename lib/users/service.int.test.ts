import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { verifyPassword } from "../auth/password";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { sortColumn, textContains } from "../list/params";
import { scopeOf, scopeWhere } from "../rights/can";
import { appError } from "../testing/app-error";
import { TEST_PASSWORD } from "../testing/constants";
import {
  bootstrapAdministrator,
  makeActor,
  makeRole,
  makeUser,
  roleIds,
  tableCounts,
  uniqueName,
} from "../testing/factories";
import { createUserRequest, NEW_PASSWORD, updateUserRequest, userWithHash } from "../testing/requests";
import { adminAndViewer, expectSamePages, prismaPage } from "../testing/same-pages";
import { userWithRoles } from "./record";
import { type TUserListFilter, ZUserListFilter } from "./schemas";
import {
  changeOwnPassword,
  createUser,
  deleteUser,
  getUser,
  listUsers,
  resetPassword,
  USER_SORTS,
  updateUser,
} from "./service";

const auditFor = (objectId: string) => db().auditEvent.findMany({ where: { objectId }, orderBy: { at: "asc" } });

describe("createUser", () => {
  it("creates a console user who must choose a password, and audits the password only as set", async () => {
    const admin = await bootstrapAdministrator();
    const [operatorRole] = await roleIds(["operator"]);
    const request = createUserRequest({ email: "ada@example.com", roleIds: [operatorRole!] });

    const user = await createUser(admin, request);

    expect(user).not.toHaveProperty("passwordHash");
    const stored = await userWithHash(user.id);
    expect(stored).toMatchObject({
      logonName: request.logonName,
      logonKey: request.logonName.toLowerCase(),
      email: "ada@example.com",
      kind: "console",
      enabled: true,
      mustChangePassword: true,
      version: 1,
    });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(user.roles.map((r) => r.role.name)).toEqual(["Operator"]);

    const audit = await auditFor(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "create",
      objectType: "user",
      objectName: request.logonName,
      actorId: admin.id,
      actorName: admin.logonName,
      clientAddress: admin.clientAddress,
      outcome: "success",
    });
    expect(audit[0]?.changes).toMatchObject({
      password: "set",
      logonName: { from: null, to: request.logonName },
      roles: { from: null, to: ["Operator"] },
    });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(audit)).not.toContain(stored.passwordHash);
  });

  it("creates an external user without a forced password change", async () => {
    const admin = await bootstrapAdministrator();
    const user = await createUser(
      admin,
      createUserRequest({ kind: "external", roleIds: await roleIds(["integration"]) }),
    );
    expect(user).toMatchObject({ kind: "external", mustChangePassword: false });
  });

  it("refuses a logon name that exists in another case, on the logonName field, and writes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const existing = await makeUser({ logonName: uniqueName("Grace.Hopper") });
    const before = await tableCounts();

    const error = await appError(createUser(admin, createUserRequest({ logonName: existing.logonName.toUpperCase() })));

    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ logonName: ["A user with this logon name exists already."] });
    expect(await tableCounts()).toEqual(before);
  });

  it("gives one of two simultaneous creations of the same name the field error, not a raw database error", async () => {
    const admin = await bootstrapAdministrator();
    const logonName = uniqueName("twin");
    const results = await Promise.allSettled([
      createUser(admin, createUserRequest({ logonName })),
      createUser(admin, createUserRequest({ logonName: logonName.toUpperCase() })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({
      code: "invalid",
      fieldErrors: { logonName: ["A user with this logon name exists already."] },
    });
    expect(await db().user.count({ where: { logonKey: logonName.toLowerCase() } })).toBe(1);
  });

  it("refuses a common password and the logon name as password, on the password field, writing nothing", async () => {
    const admin = await bootstrapAdministrator();
    const before = await tableCounts();

    const common = await appError(createUser(admin, createUserRequest({ password: "qwerty123456" })));
    expect(common.code).toBe("invalid");
    expect(common.fieldErrors).toEqual({ password: ["This is one of the most common passwords. Choose another."] });

    const logonName = uniqueName("long.logon.name");
    const same = await appError(createUser(admin, createUserRequest({ logonName, password: logonName })));
    expect(same.fieldErrors).toEqual({ password: ["The password cannot be the logon name."] });

    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a role that does not exist, writing nothing", async () => {
    const admin = await bootstrapAdministrator();
    const before = await tableCounts();
    const error = await appError(
      createUser(admin, createUserRequest({ roleIds: ["6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b"] })),
    );
    expect(error.fieldErrors).toEqual({ roleIds: ["One of the chosen roles no longer exists."] });
    expect(await tableCounts()).toEqual(before);
  });
});

describe("updateUser", () => {
  it("saves the changes, bumps the version and audits only what changed", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();
    const logonName = uniqueName("renamed");

    const updated = await updateUser(admin, await updateUserRequest(user.id, { firstName: "Grace", logonName }));

    expect(updated).toMatchObject({ firstName: "Grace", logonName, logonKey: logonName.toLowerCase(), version: 2 });
    // Names are not rights: the user's sessions go on.
    expect(updated.authVersion).toBe(user.authVersion);
    const audit = await auditFor(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toEqual({
      firstName: { from: "Test", to: "Grace" },
      logonName: { from: user.logonName, to: logonName },
    });
  });

  it("ends the user's sessions when their roles change or they are disabled", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser({ roles: ["operator"] });

    const auditor = await updateUser(admin, await updateUserRequest(user.id, { roleIds: await roleIds(["auditor"]) }));
    expect(auditor.authVersion).toBe(user.authVersion + 1);
    expect(auditor.roles.map((r) => r.role.name)).toEqual(["Auditor"]);
    expect((await auditFor(user.id))[0]?.changes).toEqual({ roles: { from: ["Operator"], to: ["Auditor"] } });

    const disabled = await updateUser(admin, await updateUserRequest(user.id, { enabled: false }));
    expect(disabled.authVersion).toBe(user.authVersion + 2);
    expect(disabled.enabled).toBe(false);
  });

  it("refuses a stale version with 'stale' and changes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();
    const opened = await updateUserRequest(user.id);
    await updateUser(admin, { ...opened, firstName: "First" });
    const before = await tableCounts();

    const error = await appError(updateUser(admin, { ...opened, firstName: "Second", lastName: "Overwrite" }));

    expect(error.code).toBe("stale");
    expect(error.message).toMatch(/changed since you opened it/);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      firstName: "First",
      lastName: user.lastName,
      version: 2,
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("lets only one of two simultaneous saves of the same version through", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();
    const opened = await updateUserRequest(user.id);
    const results = await Promise.allSettled([
      updateUser(admin, { ...opened, firstName: "One" }),
      updateUser(admin, { ...opened, firstName: "Two" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toMatchObject({ code: "stale" });
    const saved = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.version).toBe(2);
    expect(await auditFor(user.id)).toHaveLength(1);
  });

  it("refuses renaming to another user's logon name in any case, writing nothing", async () => {
    const admin = await bootstrapAdministrator();
    const [user, other] = [await makeUser(), await makeUser()];
    const before = await tableCounts();
    const error = await appError(
      updateUser(admin, await updateUserRequest(user.id, { logonName: other.logonName.toUpperCase() })),
    );
    expect(error.fieldErrors).toEqual({ logonName: ["A user with this logon name exists already."] });
    expect(await tableCounts()).toEqual(before);
  });

  it("answers not_found for a user that does not exist", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();
    const request = await updateUserRequest(user.id);
    await db().user.delete({ where: { id: user.id } });
    expect((await appError(updateUser(admin, request))).code).toBe("not_found");
  });
});

describe("deleteUser", () => {
  it("deletes the user and their memberships, and audits what they were", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser({ roles: ["operator"] });

    await deleteUser(admin, { id: user.id, version: user.version });

    expect(await db().user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await db().userRole.count({ where: { userId: user.id } })).toBe(0);
    const audit = await auditFor(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "delete", objectName: user.logonName, actorId: admin.id });
    expect(audit[0]?.changes).toMatchObject({
      logonName: { from: user.logonName, to: null },
      roles: { from: ["Operator"], to: null },
    });
  });

  it("refuses a stale version, and deleting oneself, writing nothing", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();
    await db().user.update({ where: { id: user.id }, data: { version: { increment: 1 } } });
    const before = await tableCounts();

    expect((await appError(deleteUser(admin, { id: user.id, version: user.version }))).code).toBe("stale");
    const self = await appError(deleteUser(admin, { id: admin.id, version: 1 }));
    expect(self.code).toBe("invalid");
    expect(self.message).toBe("You cannot delete your own user.");

    expect(await tableCounts()).toEqual(before);
  });
});

describe("resetPassword", () => {
  it("sets the new password, forces a change at next sign-in and ends the user's sessions", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();

    await resetPassword(admin, {
      id: user.id,
      version: user.version,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });

    const stored = await userWithHash(user.id);
    expect(stored).toMatchObject({ mustChangePassword: true, authVersion: user.authVersion + 1, version: 2 });
    expect(await verifyPassword(stored.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(false);
    const audit = await auditFor(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "reset_password", changes: { password: "changed" } });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
    // A reset is a change of the user like any other: its revision, linked to the audit row, holds no secret.
    const revisions = await db().revision.findMany({ where: { objectType: "user", objectId: user.id } });
    expect(revisions).toMatchObject([{ action: "modify", version: 2, auditEventId: audit[0]?.id }]);
    expect(JSON.stringify(revisions)).not.toMatch(new RegExp(`${NEW_PASSWORD}|passwordHash|argon2`));
  });

  it("does not force external users to change a password they never sign in with", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser({ kind: "external", roles: ["integration"] });
    await resetPassword(admin, { id: user.id, version: 1, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
  });

  it("refuses a common password and a stale version, changing nothing", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();
    const hash = (await userWithHash(user.id)).passwordHash;
    const before = await tableCounts();

    const common = await appError(
      resetPassword(admin, { id: user.id, version: 1, password: "password1234", confirmPassword: "password1234" }),
    );
    expect(common.fieldErrors).toEqual({ password: ["This is one of the most common passwords. Choose another."] });
    const old = await appError(
      resetPassword(admin, { id: user.id, version: 7, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(old.code).toBe("stale");

    expect((await userWithHash(user.id)).passwordHash).toBe(hash);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("changeOwnPassword", () => {
  it("replaces the password, lifts the forced change and ends other sessions", async () => {
    const actor = await makeActor({ roles: ["operator"], mustChangePassword: true });
    const before = await userWithHash(actor.id);

    await changeOwnPassword(actor, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });

    const after = await userWithHash(actor.id);
    expect(after).toMatchObject({ mustChangePassword: false, authVersion: before.authVersion + 1 });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    const audit = await auditFor(actor.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "change_password", actorId: actor.id, changes: { password: "changed" } });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(audit)).not.toContain(TEST_PASSWORD);
  });

  it("refuses a wrong current password on its field, audits the failure and keeps the password", async () => {
    const actor = await makeActor({ mustChangePassword: true });
    const before = await userWithHash(actor.id);

    const error = await appError(
      changeOwnPassword(actor, {
        currentPassword: "not-my-password",
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    );

    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ currentPassword: ["This is not your current password."] });
    expect(await userWithHash(actor.id)).toEqual(before);
    const audit = await auditFor(actor.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "change_password", outcome: "failed" });
    expect(JSON.stringify(audit)).not.toContain("not-my-password");
  });

  it("refuses a common password and the current password again, on newPassword, writing nothing", async () => {
    const actor = await makeActor({ mustChangePassword: true });
    const before = await userWithHash(actor.id);
    const counts = await tableCounts();

    const common = await appError(
      changeOwnPassword(actor, {
        currentPassword: TEST_PASSWORD,
        newPassword: "qwerty123456",
        confirmPassword: "qwerty123456",
      }),
    );
    expect(common.fieldErrors).toEqual({ newPassword: ["This is one of the most common passwords. Choose another."] });
    const same = await appError(
      changeOwnPassword(actor, {
        currentPassword: TEST_PASSWORD,
        newPassword: TEST_PASSWORD,
        confirmPassword: TEST_PASSWORD,
      }),
    );
    expect(same.fieldErrors).toEqual({ newPassword: ["Choose a password different from the current one."] });

    expect(await userWithHash(actor.id)).toEqual(before);
    expect(await tableCounts()).toEqual(counts);
  });
});

describe("reading users", () => {
  it("lists, searches and pages users for an actor who may view them all", async () => {
    const admin = await bootstrapAdministrator();
    const tag = uniqueName("findme");
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeUser({ logonName: `${tag}-${i}` }));

    const page = await listUsers(admin, { q: tag.toUpperCase(), dir: "desc", page: 1, sort: "logonName" });

    expect(page.total).toBe(3);
    expect(page.rows.map((u) => u.logonName)).toEqual(made.map((u) => u.logonName).reverse());
    expect(page.rows.every((u) => !("passwordHash" in u))).toBe(true);
  });

  it("shows a user's effective rights with the roles that grant them", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser({ roles: ["operator", "auditor"] });
    const { user: read, effectiveRights } = await getUser(admin, user.id);
    expect(read.id).toBe(user.id);
    expect(read).not.toHaveProperty("passwordHash");
    expect(effectiveRights.find((r) => r.objectType === "user" && r.access === "view")?.roles.sort()).toEqual([
      "Auditor",
      "Operator",
    ]);
    expect(effectiveRights.find((r) => r.objectType === "audit")?.roles).toEqual(["Auditor"]);
  });
});

/** The users list as Prisma's client reads it: the reference the SQL read must match. */
function prismaUsersPage(actor: Actor, params: TUserListFilter) {
  const search = params.q ? textContains(params.q) : undefined;
  const where: Prisma.UserWhereInput = {
    ...scopeWhere(scopeOf(actor.rights, "user", "view")),
    ...(params.kind ? { kind: params.kind } : {}),
    ...(search
      ? { OR: (["logonName", "firstName", "lastName", "email"] as const).map((field) => ({ [field]: search })) }
      : {}),
  };
  const roles = { ...userWithRoles.roles, orderBy: [{ role: { name: "asc" as const } }, { roleId: "asc" as const }] };
  return prismaPage(params, sortColumn(params.sort, USER_SORTS, "logonName"), {
    findMany: (page) => db().user.findMany({ where, include: { roles }, ...page }),
    count: () => db().user.count({ where }),
  });
}

describe("listUsers", () => {
  it("reads the same pages as Prisma's client: every column, roles by name, order, scoping and total", async () => {
    const tag = uniqueName("same");
    const [first, second] = await Promise.all([makeRole({ name: `${tag} B` }), makeRole({ name: `${tag} a` })]);
    const users = [];
    for (let i = 0; i < 32; i++) {
      const user = await makeUser({
        logonName: `${tag}-${String(i).padStart(2, "0")}`,
        kind: i % 4 === 0 ? "external" : "console",
        enabled: i % 5 !== 0,
        roles: [[], [first.id], [first.id, second.id, "auditor"]][i % 3],
      });
      users.push(
        await db().user.update({
          where: { id: user.id },
          data: {
            firstName: `First ${i % 7}`,
            lastName: `Last ${(i * 11) % 32}`,
            email: i % 2 ? `${tag}-${i}@example.com` : null,
            lastSignInAt: i % 3 ? new Date(Date.UTC(2026, 0, 1, 8, i, 0, 123)) : null,
            totpEnabledAt: i % 6 === 1 ? new Date(Date.UTC(2025, 5, 2, 3, 4, i, 5)) : null,
          },
        }),
      );
    }
    const requests = [
      {},
      { q: tag.toUpperCase(), sort: "lastName", dir: "desc", page: "2" },
      { q: tag, kind: "external", sort: "createdAt", dir: "desc" },
      { q: "@EXAMPLE.com", sort: "enabled" },
      { q: "first 3", sort: "kind", dir: "desc" },
      { q: tag, kind: "console", sort: "firstName" },
    ];
    const parsed = requests.map((raw) => ZUserListFilter.parse(raw));
    await expectSamePages(listUsers, prismaUsersPage, await adminAndViewer("user", users), parsed);
  });
});
