import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { sortColumn, type TListParams, textContains, ZListParams } from "../list/params";
import { scopeOf, scopeWhere } from "../rights/can";
import { appError } from "../testing/app-error";
import { actorFor, bootstrapAdministrator, makeRole, makeUser, tableCounts, uniqueName } from "../testing/factories";
import { createRoleRequest, updateRoleRequest } from "../testing/requests";
import { adminAndViewer, expectSamePages, prismaPage } from "../testing/same-pages";
import { createRole, deleteRole, getRole, listRoles, ROLE_SORTS, roleChoices, updateRole } from "./service";

const BUILT_IN_FIXED = "Built-in roles cannot be changed or deleted. Create a role of your own instead.";
const authVersions = async (ids: string[]) =>
  (await db().user.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((u) => [u.id, u.authVersion]);

describe("createRole", () => {
  it("creates the role with its rights, each once, and audits them", async () => {
    const admin = await bootstrapAdministrator();
    const view = { objectType: "messaging_service", access: "view", objectId: null } as const;
    const role = await createRole(admin, createRoleRequest({ description: "Night shift", rights: [view, view] }));

    expect(role.rights).toHaveLength(1);
    expect(role).toMatchObject({ description: "Night shift", builtIn: null, version: 1 });
    const audit = await db().auditEvent.findMany({ where: { objectId: role.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", objectType: "role", actorId: admin.id });
    expect(audit[0]?.changes).toMatchObject({ rights: { from: null, to: ["messaging_service:view:*"] } });
  });

  it("refuses a name that exists in another case, on the name field, writing nothing", async () => {
    const admin = await bootstrapAdministrator();
    const before = await tableCounts();
    const error = await appError(createRole(admin, createRoleRequest({ name: "OPERATOR" })));
    expect(error.fieldErrors).toEqual({ name: ["A role with this name exists already."] });
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a right limited to an object that does not exist, or of a type that cannot be limited", async () => {
    const admin = await bootstrapAdministrator();
    const before = await tableCounts();
    const missing = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
    for (const objectType of ["user", "role", "messaging_service"] as const) {
      const error = await appError(
        createRole(admin, createRoleRequest({ rights: [{ objectType, access: "view", objectId: missing }] })),
      );
      expect(error.code, objectType).toBe("invalid");
      expect(Object.keys(error.fieldErrors)).toEqual(["rights"]);
    }
    expect(await tableCounts()).toEqual(before);
  });
});

describe("updateRole", () => {
  it("ends the sessions of the role's members when its rights change, and only theirs", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole({ rights: [{ objectType: "user", access: "view" }] });
    const members = [await makeUser({ roles: [role.id] }), await makeUser({ roles: [role.id, "operator"] })];
    const outsider = await makeUser({ roles: ["operator"] });
    const ids = [...members, outsider].map((u) => u.id);
    const before = await authVersions(ids);

    const updated = await updateRole(
      admin,
      await updateRoleRequest(role.id, {
        rights: [
          { objectType: "user", access: "view", objectId: null },
          { objectType: "role", access: "view", objectId: null },
        ],
      }),
    );

    expect(updated.version).toBe(2);
    expect(updated.rights).toHaveLength(2);
    const expected = before.map(([id, version]) => [id, id === outsider.id ? version : (version as number) + 1]);
    expect(await authVersions(ids)).toEqual(expected);
    const audit = await db().auditEvent.findMany({ where: { objectId: role.id, action: "modify" } });
    expect(audit[0]?.changes).toEqual({
      rights: { from: ["user:view:*"], to: ["role:view:*", "user:view:*"] },
    });
  });

  it("also ends members' sessions when a right is only removed", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole({
      rights: [
        { objectType: "user", access: "view" },
        { objectType: "role", access: "view" },
      ],
    });
    const member = await makeUser({ roles: [role.id] });
    await updateRole(
      admin,
      await updateRoleRequest(role.id, { rights: [{ objectType: "user", access: "view", objectId: null }] }),
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).authVersion).toBe(member.authVersion + 1);
  });

  it("keeps members' sessions when only the name or description changes", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole({ rights: [{ objectType: "user", access: "view" }] });
    const member = await makeUser({ roles: [role.id] });
    const name = uniqueName("renamed");

    const updated = await updateRole(admin, await updateRoleRequest(role.id, { name, description: "New" }));

    expect(updated).toMatchObject({ name, nameKey: name.toLowerCase(), description: "New", version: 2 });
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).authVersion).toBe(member.authVersion);
  });

  it("refuses a stale version and changes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole();
    const opened = await updateRoleRequest(role.id);
    await updateRole(admin, { ...opened, description: "First" });
    const before = await tableCounts();

    expect((await appError(updateRole(admin, { ...opened, description: "Second" }))).code).toBe("stale");

    expect((await db().role.findUniqueOrThrow({ where: { id: role.id } })).description).toBe("First");
    expect(await tableCounts()).toEqual(before);
  });
});

describe("built-in roles", () => {
  it("cannot be modified or deleted, even by the administrator", async () => {
    const admin = await bootstrapAdministrator();
    for (const key of ["administrator", "operator", "auditor", "integration"]) {
      const role = await db().role.findUniqueOrThrow({ where: { builtIn: key }, include: { rights: true } });
      const before = await tableCounts();

      const modify = await appError(updateRole(admin, await updateRoleRequest(role.id, { description: "Changed" })));
      expect(modify.code, key).toBe("invalid");
      expect(modify.message).toBe(BUILT_IN_FIXED);
      const remove = await appError(deleteRole(admin, { id: role.id, version: role.version }));
      expect(remove.code, key).toBe("invalid");
      expect(remove.message).toBe(BUILT_IN_FIXED);

      expect(await db().role.findUniqueOrThrow({ where: { id: role.id }, include: { rights: true } })).toEqual(role);
      expect(await tableCounts()).toEqual(before);
    }
  });
});

describe("deleteRole", () => {
  it("deletes the role, takes it from its members, ends their sessions and audits it", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole({ rights: [{ objectType: "user", access: "view" }] });
    const member = await makeUser({ roles: [role.id, "operator"] });

    await deleteRole(admin, { id: role.id, version: role.version });

    expect(await db().role.findUnique({ where: { id: role.id } })).toBeNull();
    expect(await db().roleRight.count({ where: { roleId: role.id } })).toBe(0);
    const after = await db().user.findUniqueOrThrow({ where: { id: member.id }, include: { roles: true } });
    expect(after.roles.map((r) => r.roleId)).toHaveLength(1);
    expect(after.authVersion).toBe(member.authVersion + 1);
    expect(await db().auditEvent.count({ where: { objectId: role.id, action: "delete" } })).toBe(1);
  });

  it("refuses a stale version, writing nothing", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole();
    const before = await tableCounts();
    expect((await appError(deleteRole(admin, { id: role.id, version: role.version + 1 }))).code).toBe("stale");
    expect(await tableCounts()).toEqual(before);
  });
});

describe("reading roles", () => {
  it("lists all roles to whoever may view them all, and only the named ones otherwise", async () => {
    const admin = await bootstrapAdministrator();
    const [shown, hidden] = [await makeRole(), await makeRole()];
    const scopedRole = await makeRole({ rights: [{ objectType: "role", access: "view", objectId: shown.id }] });
    const scopedUser = await makeUser({ roles: [scopedRole.id] });
    const scoped = await actorFor(scopedUser.id);

    expect((await listRoles(admin, { dir: "asc", page: 1, q: hidden.name })).total).toBe(1);
    const page = await listRoles(scoped, { dir: "asc", page: 1 });
    expect(page.rows.map((r) => r.id)).toEqual([shown.id]);
    expect((await roleChoices(scoped)).map((r) => r.id)).toEqual([shown.id]);
    expect((await getRole(scoped, shown.id)).id).toBe(shown.id);
    // A role the actor may not view is not there for them (lib/rights/capability.ts).
    expect((await appError(getRole(scoped, hidden.id))).code).toBe("not_found");
  });

  it("counts each listed role's users and rights, however many other roles have", async () => {
    const admin = await bootstrapAdministrator();
    const prefix = uniqueName("counted");
    const view = (access: "view" | "modify") => ({ objectType: "role" as const, access });
    const busy = await makeRole({ name: `${prefix}-a`, rights: [view("view"), view("modify")] });
    const empty = await makeRole({ name: `${prefix}-b` });
    const one = await makeRole({ name: `${prefix}-c`, rights: [view("view")] });
    await makeUser({ roles: [busy.id, one.id] });
    await makeUser({ roles: [busy.id] });
    // Counted for the page's rows, not mixed up with roles outside it.
    await makeUser({ roles: [(await makeRole({ rights: [view("view")] })).id] });

    const page = await listRoles(admin, { dir: "asc", page: 1, q: prefix });
    expect(page.rows.map((r) => [r.id, r._count])).toEqual([
      [busy.id, { users: 2, rights: 2 }],
      [empty.id, { users: 0, rights: 0 }],
      [one.id, { users: 1, rights: 1 }],
    ]);
  });
});

/** The roles list as Prisma's client reads it: the reference the SQL read must match. */
function prismaRolesPage(actor: Actor, params: TListParams) {
  const where: Prisma.RoleWhereInput = {
    ...scopeWhere(scopeOf(actor.rights, "role", "view")),
    ...(params.q ? { OR: [{ name: textContains(params.q) }, { description: textContains(params.q) }] } : {}),
  };
  return prismaPage(params, sortColumn(params.sort, ROLE_SORTS, "name"), {
    findMany: (page) =>
      db().role.findMany({ where, include: { _count: { select: { users: true, rights: true } } }, ...page }),
    count: () => db().role.count({ where }),
  });
}

describe("listRoles", () => {
  it("reads the same pages as Prisma's client: every column, member and right counts, order, scoping and total", async () => {
    const tag = uniqueName("same");
    const roles = [];
    for (let i = 0; i < 30; i++) {
      const role = await makeRole({
        name: `${tag} ${String((i * 7) % 30).padStart(2, "0")}`,
        requiresSecondFactor: i % 4 === 0,
        rights: (["user", "role", "audit"] as const)
          .slice(0, i % 4)
          .map((objectType) => ({ objectType, access: "view" })),
      });
      await db().role.update({ where: { id: role.id }, data: { description: i % 3 ? `Shift ${i % 5}` : "" } });
      if (i % 5 === 1) await makeUser({ roles: [role.id] });
      if (i % 5 === 2) await Promise.all([makeUser({ roles: [role.id] }), makeUser({ roles: [role.id] })]);
      roles.push(role);
    }
    const requests = [
      {},
      { q: tag.toUpperCase(), sort: "createdAt", dir: "desc", page: "2" },
      { q: "SHIFT 3", sort: "name", dir: "desc" },
      { q: tag, sort: "updatedAt" },
    ];
    const parsed = requests.map((raw) => ZListParams.parse(raw));
    await expectSamePages(listRoles, prismaRolesPage, await adminAndViewer("role", roles), parsed);
  });
});
