// Rights are decided in the services: refusals are errors with an audit row, and scoped rights reach
// only the objects they name. One table of cases, run through both doors: the services as the console's
// actions call them, and /api/v1 with a bearer token of the same user; a case added here is checked twice.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { type DoorOutcome, doors } from "../testing/doors";
import { actorWithRights, makeActor, makeRole, makeUser, roleIds, tableCounts } from "../testing/factories";
import { createRoleRequest, createUserRequest, updateUserRequest } from "../testing/requests";

const refusals = (actorId: string) =>
  db().auditEvent.findMany({ where: { actorId, outcome: "refused" }, orderBy: [{ at: "asc" }, { id: "asc" }] });

function failed<T>(outcome: DoorOutcome<T>) {
  if (outcome.ok) throw new Error("Expected a refusal, but the call succeeded.");
  return outcome;
}

function succeeded<T>(outcome: DoorOutcome<T>): T {
  if (!outcome.ok) throw new Error(`Expected success, got ${outcome.code}: ${outcome.message}`);
  return outcome.data;
}

describe.each(doors().map((door) => [door.name, door] as const))("through the %s door", (_name, door) => {
  /** An actor holding exactly these rights, as this door acts for them. */
  const withRights = async (rights: Parameters<typeof actorWithRights>[0]) => door.as(await actorWithRights(rights));

  describe("an Operator", () => {
    it("cannot create users: forbidden, nothing created, and the refusal is audited", async () => {
      const operator = await door.as(await makeActor({ roles: ["operator"] }));
      const request = createUserRequest();
      const usersBefore = await db().user.count();

      const error = failed(await door.createUser(operator, request));

      expect(error.code).toBe("forbidden");
      expect(error.message).toBe("You do not have the create right on users.");
      expect(await db().user.count()).toBe(usersBefore);
      expect(await db().user.findUnique({ where: { logonKey: request.logonName.toLowerCase() } })).toBeNull();
      const audit = await refusals(operator.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorName: operator.logonName,
        clientAddress: operator.clientAddress,
        action: "create",
        objectType: "user",
        outcome: "refused",
      });
      expect(JSON.stringify(audit)).not.toContain(request.password);
    });

    it("cannot modify or delete users, but may read them", async () => {
      const operator = await door.as(await makeActor({ roles: ["operator"] }));
      const user = await makeUser();

      expect(failed(await door.updateUser(operator, await updateUserRequest(user.id, { firstName: "X" }))).code).toBe(
        "forbidden",
      );
      expect(failed(await door.deleteUser(operator, { id: user.id, version: user.version })).code).toBe("forbidden");
      expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
      expect((await refusals(operator.id)).map((r) => `${r.action}:${r.objectId}`)).toEqual([
        `modify:${user.id}`,
        `delete:${user.id}`,
      ]);
      expect(succeeded(await door.getUser(operator, user.id)).id).toBe(user.id);
    });

    it("cannot read the audit trail", async () => {
      const operator = await door.as(await makeActor({ roles: ["operator"] }));
      expect(failed(await door.listAuditEvents(operator)).code).toBe("forbidden");
      expect(await refusals(operator.id)).toMatchObject([{ action: "view", objectType: "audit" }]);
    });
  });

  describe("rights limited to chosen users", () => {
    it("list and open only those users", async () => {
      const [a, b, hidden] = [await makeUser(), await makeUser(), await makeUser()];
      const actor = await withRights([
        { objectType: "user", access: "view", objectId: a.id },
        { objectType: "user", access: "view", objectId: b.id },
      ]);

      const page = succeeded(await door.listUsers(actor));

      expect(page.total).toBe(2);
      expect(page.ids.sort()).toEqual([a.id, b.id].sort());
      expect(succeeded(await door.listUsers(actor, hidden.logonName)).total).toBe(0);
      expect(succeeded(await door.getUser(actor, a.id)).id).toBe(a.id);
      // A user the actor may not view is not there for them (lib/rights/capability.ts); the attempt is audited.
      expect(failed(await door.getUser(actor, hidden.id)).code).toBe("not_found");
      expect(await refusals(actor.id)).toMatchObject([{ action: "view", objectType: "user", objectId: hidden.id }]);
    });

    it("modify only the named user", async () => {
      const [mine, other] = [await makeUser(), await makeUser()];
      const actor = await withRights([
        { objectType: "user", access: "view" },
        { objectType: "user", access: "modify", objectId: mine.id },
      ]);

      expect(
        succeeded(await door.updateUser(actor, await updateUserRequest(mine.id, { firstName: "Mine" }))).firstName,
      ).toBe("Mine");
      expect(failed(await door.updateUser(actor, await updateUserRequest(other.id, { firstName: "X" }))).code).toBe(
        "forbidden",
      );
      expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).firstName).toBe("Test");
    });

    it("give no list at all without any view right on users", async () => {
      const actor = await withRights([{ objectType: "messaging_service", access: "view" }]);
      expect(failed(await door.listUsers(actor)).code).toBe("forbidden");
      expect(await refusals(actor.id)).toMatchObject([{ action: "view", objectType: "user" }]);
    });
  });

  describe("handing on rights", () => {
    it("refuses a role with a right the actor does not hold, and audits the attempt", async () => {
      const actor = await withRights([
        { objectType: "role", access: "view" },
        { objectType: "role", access: "create" },
        { objectType: "role", access: "manage_rights" },
        { objectType: "user", access: "view" },
      ]);
      const request = createRoleRequest({
        rights: [
          { objectType: "user", access: "view", objectId: null },
          { objectType: "audit", access: "view", objectId: null },
        ],
      });
      const before = await tableCounts();

      const error = failed(await door.createRole(actor, request));

      expect(error.code).toBe("forbidden");
      expect(error.message).toBe("You do not have the view right on audit trail.");
      expect(await db().role.findUnique({ where: { nameKey: request.name.toLowerCase() } })).toBeNull();
      const audit = await refusals(actor.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: "view", objectType: "audit", outcome: "refused" });
      expect(audit[0]?.detail).toMatch(/Tried to grant view on audit/);
      expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    });

    it("allows a role with rights the actor holds, also limited to one object of a type they hold in full", async () => {
      const target = await makeUser();
      const actor = await withRights([
        { objectType: "role", access: "create" },
        { objectType: "role", access: "manage_rights" },
        { objectType: "user", access: "view" },
        { objectType: "user", access: "modify" },
      ]);
      const role = succeeded(
        await door.createRole(
          actor,
          createRoleRequest({
            rights: [
              { objectType: "user", access: "view", objectId: null },
              { objectType: "user", access: "modify", objectId: target.id },
            ],
          }),
        ),
      );
      expect(role.rights).toEqual([`modify:${target.id}`, "view:*"]);
    });

    it("refuses an all-users right to an actor who holds it on one user only", async () => {
      const target = await makeUser();
      const actor = await withRights([
        { objectType: "role", access: "create" },
        { objectType: "role", access: "manage_rights" },
        { objectType: "user", access: "modify", objectId: target.id },
      ]);
      const error = failed(
        await door.createRole(
          actor,
          createRoleRequest({ rights: [{ objectType: "user", access: "modify", objectId: null }] }),
        ),
      );
      expect(error.code).toBe("forbidden");
    });

    it("needs manage_rights on roles to give a new role any rights", async () => {
      const actor = await withRights([
        { objectType: "role", access: "create" },
        { objectType: "user", access: "view" },
      ]);
      const error = failed(
        await door.createRole(
          actor,
          createRoleRequest({ rights: [{ objectType: "user", access: "view", objectId: null }] }),
        ),
      );
      expect(error.code).toBe("forbidden");
      expect(error.message).toBe("You do not have the manage rights right on roles.");
      // Without rights to hand on, the create right alone is enough.
      expect(succeeded(await door.createRole(actor, createRoleRequest())).name).toMatch(/^role-/);
    });

    it("refuses to give a user a role whose rights the actor does not hold", async () => {
      const actor = await withRights([
        { objectType: "user", access: "view" },
        { objectType: "user", access: "create" },
        { objectType: "user", access: "modify" },
        { objectType: "user", access: "manage_rights" },
      ]);
      const request = createUserRequest({ roleIds: await roleIds(["administrator"]) });
      const before = await db().user.count();

      expect(failed(await door.createUser(actor, request)).code).toBe("forbidden");
      expect(await db().user.count()).toBe(before);

      const user = await makeUser();
      const promote = await updateUserRequest(user.id, { roleIds: await roleIds(["auditor"]) });
      expect(failed(await door.updateUser(actor, promote)).code).toBe("forbidden");
      expect(await db().userRole.count({ where: { userId: user.id } })).toBe(0);
    });

    it("lets an actor give a role whose rights they hold, and needs manage_rights to change roles at all", async () => {
      const helpdesk = await makeRole({ rights: [{ objectType: "user", access: "view" }] });
      const granter = await withRights([
        { objectType: "user", access: "view" },
        { objectType: "user", access: "modify" },
        { objectType: "user", access: "manage_rights" },
      ]);
      const modifier = await withRights([
        { objectType: "user", access: "view" },
        { objectType: "user", access: "modify" },
      ]);
      const user = await makeUser();

      const refused = failed(
        await door.updateUser(modifier, await updateUserRequest(user.id, { roleIds: [helpdesk.id] })),
      );
      expect(refused.code).toBe("forbidden");
      expect(refused.message).toBe("You do not have the manage rights right on users.");

      const granted = succeeded(
        await door.updateUser(granter, await updateUserRequest(user.id, { roleIds: [helpdesk.id] })),
      );
      expect(granted.roleIds).toEqual([helpdesk.id]);

      // Taking the role away again is also a change of roles.
      expect(failed(await door.updateUser(modifier, await updateUserRequest(user.id, { roleIds: [] }))).code).toBe(
        "forbidden",
      );
    });
  });

  describe("resetting a password", () => {
    const reset = (id: string, version: number) => ({
      id,
      version,
      password: "violet-tugboat-sings-47",
      confirmPassword: "violet-tugboat-sings-47",
    });

    it("cannot take over an account that holds rights the actor lacks", async () => {
      const actor = await withRights([
        { objectType: "user", access: "view" },
        { objectType: "user", access: "modify" },
      ]);
      const admin = await makeUser({ roles: ["administrator"] });
      const before = await db().user.findUniqueOrThrow({ where: { id: admin.id }, omit: { passwordHash: false } });

      const error = failed(await door.resetPassword(actor, reset(admin.id, admin.version)));

      expect(error.code).toBe("forbidden");
      expect(await db().user.findUniqueOrThrow({ where: { id: admin.id }, omit: { passwordHash: false } })).toEqual(
        before,
      );
      const audit = await refusals(actor.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]?.detail).toMatch(new RegExp(`^Tried to reset the password of ${admin.logonName}, who holds `));
    });

    it("may reset the password of a user whose rights the actor holds as well", async () => {
      const actor = await withRights([
        { objectType: "user", access: "view" },
        { objectType: "user", access: "modify" },
      ]);
      const helpdesk = await makeRole({ rights: [{ objectType: "user", access: "view" }] });
      const user = await makeUser({ roles: [helpdesk.id] });
      const updated = succeeded(await door.resetPassword(actor, reset(user.id, user.version)));
      expect(updated.mustChangePassword).toBe(true);
    });
  });

  describe("acting on a more powerful user", () => {
    const modifier = () =>
      withRights([
        { objectType: "user", access: "view" },
        { objectType: "user", access: "modify" },
        { objectType: "user", access: "delete" },
      ]);

    it("cannot disable or delete a user who holds rights the actor lacks", async () => {
      const actor = await modifier();
      const admin = await makeUser({ roles: ["administrator"] });
      const disabled = failed(await door.updateUser(actor, await updateUserRequest(admin.id, { enabled: false })));
      expect(disabled.code).toBe("forbidden");
      const deleted = failed(await door.deleteUser(actor, { id: admin.id, version: admin.version }));
      expect(deleted.code).toBe("forbidden");
      const after = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
      expect(after.enabled).toBe(true);
      expect(after.version).toBe(admin.version);
      const audit = await refusals(actor.id);
      expect(audit.map((a) => a.detail)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^Tried to change ${admin.logonName}, who holds `)),
          expect.stringMatching(/^Tried to delete a user, who holds /),
        ]),
      );
    });

    it("cannot rename the administrator's logon name, and writes nothing but the refusal", async () => {
      const actor = await modifier();
      const admin = await makeUser({ roles: ["administrator"] });
      const before = await tableCounts();
      const request = await updateUserRequest(admin.id, { logonName: `${admin.logonName}-taken` });
      const error = failed(await door.updateUser(actor, request));
      expect(error.code).toBe("forbidden");
      expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toEqual(admin);
      expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
      const audit = await refusals(actor.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]?.outcome).toBe("refused");
      expect(audit[0]?.detail).toMatch(new RegExp(`^Tried to change ${admin.logonName}, who holds `));
    });

    it("cannot re-enable a disabled administrator", async () => {
      const actor = await modifier();
      const admin = await makeUser({ roles: ["administrator"], enabled: false });
      const before = await tableCounts();
      const error = failed(await door.updateUser(actor, await updateUserRequest(admin.id, { enabled: true })));
      expect(error.code).toBe("forbidden");
      expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toEqual(admin);
      expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
      expect((await refusals(actor.id)).map((a) => a.outcome)).toEqual(["refused"]);
    });

    it.each([
      ["first name", { firstName: "Changed" }],
      ["last name", { lastName: "Changed" }],
      ["e-mail", { email: "someone@example.com" }],
    ] as const)("refuses a change of any field, here the %s", async (_field, change) => {
      const actor = await modifier();
      const auditor = await makeRole({ rights: [{ objectType: "audit", access: "view" }] });
      const powerful = await makeUser({ roles: [auditor.id] });
      const before = await tableCounts();
      expect(failed(await door.updateUser(actor, await updateUserRequest(powerful.id, change))).code).toBe("forbidden");
      expect(await db().user.findUniqueOrThrow({ where: { id: powerful.id } })).toEqual(powerful);
      expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    });

    it("refuses a change to a user whose extra right is held directly, not through a role", async () => {
      const actor = await modifier();
      const user = await makeUser();
      await db().userRight.create({ data: { userId: user.id, objectType: "audit", access: "view", objectId: null } });
      const error = failed(await door.updateUser(actor, await updateUserRequest(user.id, { firstName: "Changed" })));
      expect(error.code).toBe("forbidden");
      expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).firstName).toBe("Test");
    });

    it("may change any field of a user whose rights the actor holds as well", async () => {
      const actor = await modifier();
      const helpdesk = await makeRole({ rights: [{ objectType: "user", access: "view" }] });
      const user = await makeUser({ roles: [helpdesk.id], enabled: false });
      const changes = { logonName: `${user.logonName}-new`, enabled: true, email: "a@example.com" };
      const updated = succeeded(await door.updateUser(actor, await updateUserRequest(user.id, changes)));
      expect(updated).toMatchObject(changes);
    });
  });

  describe("an actor narrowed to view (a read-only token)", () => {
    it("reads what its owner may read and changes nothing, each refusal audited", async () => {
      const owner = await makeActor({ roles: ["administrator"] });
      const actor = await door.asReadOnly(owner);
      const user = await makeUser();
      const before = await tableCounts();

      expect(succeeded(await door.getUser(actor, user.id)).id).toBe(user.id);
      expect(succeeded(await door.listAuditEvents(actor)).total).toBeGreaterThan(0);
      expect(failed(await door.createUser(actor, createUserRequest())).code).toBe("forbidden");
      expect(failed(await door.updateUser(actor, await updateUserRequest(user.id, { firstName: "X" }))).code).toBe(
        "forbidden",
      );
      expect(failed(await door.deleteUser(actor, { id: user.id, version: user.version })).code).toBe("forbidden");
      expect(failed(await door.createRole(actor, createRoleRequest())).code).toBe("forbidden");

      expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
      expect((await refusals(owner.id)).map((r) => `${r.action}:${r.objectType}`)).toEqual([
        "create:user",
        "modify:user",
        "delete:user",
        "create:role",
      ]);
      expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 4 });
    });
  });

  describe("the administrator", () => {
    it("may do all of it", async () => {
      const admin = await door.as(await makeActor({ roles: ["administrator"] }));
      const user = succeeded(await door.createUser(admin, createUserRequest({ roleIds: await roleIds(["auditor"]) })));
      expect(user.roleNames).toEqual(["Auditor"]);
      const role = succeeded(
        await door.createRole(
          admin,
          createRoleRequest({ rights: [{ objectType: "audit", access: "view", objectId: null }] }),
        ),
      );
      expect(role.rights).toHaveLength(1);
      expect(await refusals(admin.id)).toEqual([]);
    });
  });
});
