import { describe, expect, it } from "vitest";
import { db } from "../db";
import { loadRights } from "../rights/load";
import type { TRight } from "../roles/schemas";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, makeRole, makeUser, tableCounts } from "../testing/factories";
import { createUserRequest } from "../testing/requests";
import { setUserRights } from "./direct-rights";
import { createUser, deleteUser, getUser } from "./service";

const refusals = (actorId: string) =>
  db().auditEvent.findMany({ where: { actorId, outcome: "refused" }, orderBy: { at: "asc" } });

const viewAudit: TRight = { objectType: "audit", access: "view", objectId: null };
const granter = () =>
  actorWithRights([
    { objectType: "user", access: "view" },
    { objectType: "user", access: "modify" },
    { objectType: "user", access: "manage_rights" },
  ]);

describe("setUserRights", () => {
  it("grants rights directly, audits before and after, and ends the user's sessions", async () => {
    const admin = await bootstrapAdministrator();
    const other = await makeUser();
    const user = await makeUser({ kind: "external" });
    const viewOther: TRight = { objectType: "user", access: "view", objectId: other.id };

    const updated = await setUserRights(admin, { id: user.id, version: user.version, rights: [viewAudit, viewOther] });

    expect(updated).toMatchObject({ version: user.version + 1, authVersion: user.authVersion + 1 });
    const rights = await loadRights(db(), user.id);
    expect(rights).toHaveLength(2);
    expect(rights.every((r) => r.source.kind === "direct")).toBe(true);
    const audit = await db().auditEvent.findMany({ where: { objectId: user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "modify", objectType: "user", outcome: "success", actorId: admin.id });
    expect(audit[0]?.changes).toEqual({
      rights: { from: [], to: ["audit:view:*", `user:view:${other.id}`].sort() },
    });

    const cleared = await setUserRights(admin, { id: user.id, version: updated.version, rights: [viewOther] });
    expect(cleared.authVersion).toBe(user.authVersion + 2);
    const last = await db().auditEvent.findFirstOrThrow({ where: { objectId: user.id }, orderBy: { at: "desc" } });
    expect(last.changes).toEqual({
      rights: { from: ["audit:view:*", `user:view:${other.id}`].sort(), to: [`user:view:${other.id}`] },
    });
  });

  it("shows on the user's page where each right comes from", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole({ name: `Helpdesk-${Date.now()}`, rights: [{ objectType: "user", access: "view" }] });
    const user = await makeUser({ roles: [role.id] });
    await setUserRights(admin, {
      id: user.id,
      version: user.version,
      rights: [viewAudit, { objectType: "user", access: "view", objectId: null }],
    });
    const { effectiveRights } = await getUser(admin, user.id);
    expect(effectiveRights).toEqual(
      expect.arrayContaining([
        { objectType: "user", access: "view", objectId: null, roles: [role.name], direct: true },
        { objectType: "audit", access: "view", objectId: null, roles: [], direct: true },
      ]),
    );
    expect(effectiveRights).toHaveLength(2);
  });

  it("needs manage_rights on users, writing nothing but the refusal", async () => {
    const actor = await actorWithRights([
      { objectType: "user", access: "view" },
      { objectType: "user", access: "modify" },
    ]);
    const user = await makeUser();
    const before = await tableCounts();
    const error = await appError(
      setUserRights(actor, {
        id: user.id,
        version: user.version,
        rights: [{ objectType: "user", access: "view", objectId: null }],
      }),
    );
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe("You do not have the manage rights right on users.");
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
  });

  it("refuses to grant a right the actor does not hold, and audits the attempt", async () => {
    const actor = await granter();
    const user = await makeUser();
    const before = await tableCounts();
    const error = await appError(setUserRights(actor, { id: user.id, version: user.version, rights: [viewAudit] }));
    expect(error.code).toBe("forbidden");
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    const audit = await refusals(actor.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "view", objectType: "audit", outcome: "refused" });
    expect(audit[0]?.detail).toMatch(/^Tried to grant view on audit \(user rights\)/);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).version).toBe(user.version);
  });

  it("lets an actor grant rights they hold, also on one object only", async () => {
    const actor = await granter();
    const user = await makeUser();
    const other = await makeUser();
    const updated = await setUserRights(actor, {
      id: user.id,
      version: user.version,
      rights: [{ objectType: "user", access: "modify", objectId: other.id }],
    });
    expect(updated.rights.map((r) => `${r.access}:${r.objectId}`)).toEqual([`modify:${other.id}`]);
  });

  it("refuses any change of rights on a user more powerful than the actor, removing too", async () => {
    const actor = await granter();
    const user = await makeUser();
    await db().userRight.create({ data: { userId: user.id, ...viewAudit } });
    const before = await tableCounts();
    const error = await appError(setUserRights(actor, { id: user.id, version: user.version, rights: [] }));
    expect(error.code).toBe("forbidden");
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect((await refusals(actor.id))[0]?.detail).toMatch(
      new RegExp(`^Tried to change the rights of ${user.logonName}, who holds view on audit`),
    );
  });

  it("refuses a stale version and changes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();
    const before = await tableCounts();
    const error = await appError(setUserRights(admin, { id: user.id, version: user.version + 1, rights: [viewAudit] }));
    expect(error.code).toBe("stale");
    expect(await tableCounts()).toEqual(before);
  });
});

describe("a user's own rights", () => {
  it("go with the user when the user is deleted", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();
    const updated = await setUserRights(admin, { id: user.id, version: user.version, rights: [viewAudit] });
    const before = await tableCounts();
    await deleteUser(admin, { id: user.id, version: updated.version });
    expect(await db().userRight.count({ where: { userId: user.id } })).toBe(0);
    expect(await tableCounts()).toEqual({
      ...before,
      users: before.users - 1,
      userRights: before.userRights - 1,
      auditEvents: before.auditEvents + 1,
      revisions: before.revisions + 1,
    });
  });

  it("can be given when the user is created, with the same checks", async () => {
    const admin = await bootstrapAdministrator();
    const other = await makeUser();
    const use: TRight = { objectType: "user", access: "view", objectId: other.id };
    const user = await createUser(admin, createUserRequest({ kind: "external" }), [use]);
    expect((await loadRights(db(), user.id)).map((r) => [r.objectId, r.source.kind])).toEqual([[other.id, "direct"]]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { objectId: user.id } });
    expect(audit.changes).toMatchObject({ rights: { from: null, to: [`user:view:${other.id}`] } });

    const creator = await actorWithRights([
      { objectType: "user", access: "view" },
      { objectType: "user", access: "create" },
    ]);
    const before = await tableCounts();
    expect((await appError(createUser(creator, createUserRequest(), [use]))).code).toBe("forbidden");
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
  });
});
