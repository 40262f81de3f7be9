// The last enabled administrator stays. This file keeps the start-up administrator as the only
// enabled one between tests, so every refusal below is about the last administrator.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import type { AppError } from "../errors";
import { BUILT_IN_ROLES } from "../rights/built-in-roles";
import { appError } from "../testing/app-error";
import {
  actorFor,
  actorWithRights,
  bootstrapAdministrator,
  makeUser,
  roleIds,
  tableCounts,
} from "../testing/factories";
import { updateUserRequest } from "../testing/requests";
import { deleteUser, updateUser } from "./service";

const enabledAdministrators = () =>
  db().user.count({
    where: { enabled: true, kind: "console", roles: { some: { role: { builtIn: "administrator" } } } },
  });

function expectLastAdministratorRefusal(error: AppError) {
  expect(error.code).toBe("invalid");
  expect(error.message).toBe("Switchboard needs at least one enabled administrator; this change would leave none.");
}

afterEach(async () => {
  expect(await enabledAdministrators()).toBe(1);
});

describe("the last enabled administrator", () => {
  it("cannot disable themselves; the transaction rolls back", async () => {
    const admin = await bootstrapAdministrator();
    const before = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
    const counts = await tableCounts();

    expectLastAdministratorRefusal(
      await appError(updateUser(admin, await updateUserRequest(admin.id, { enabled: false }))),
    );

    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toEqual(before);
    expect(await tableCounts()).toEqual(counts);
  });

  it("cannot be stripped of the Administrator role, even while renamed in the same save", async () => {
    const admin = await bootstrapAdministrator();
    const before = await db().user.findUniqueOrThrow({ where: { id: admin.id }, include: { roles: true } });
    const counts = await tableCounts();

    const request = await updateUserRequest(admin.id, { firstName: "Renamed", roleIds: await roleIds(["operator"]) });
    expectLastAdministratorRefusal(await appError(updateUser(admin, request)));

    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id }, include: { roles: true } })).toEqual(before);
    expect(await tableCounts()).toEqual(counts);
  });

  // The actors below hold every right an administrator holds, through a role of their own: what
  // stops them is the last-administrator rule, not a lack of rights.
  const allRights = BUILT_IN_ROLES.find((r) => r.key === "administrator")?.rights ?? [];

  it("cannot be deleted by a user who may delete users", async () => {
    const admin = await bootstrapAdministrator();
    const deleter = await actorWithRights(allRights);
    const version = (await db().user.findUniqueOrThrow({ where: { id: admin.id } })).version;
    const counts = await tableCounts();

    expectLastAdministratorRefusal(await appError(deleteUser(deleter, { id: admin.id, version })));

    expect(await db().user.findUnique({ where: { id: admin.id } })).not.toBeNull();
    expect(await tableCounts()).toEqual(counts);
  });

  it("cannot be disabled by another user who may modify users", async () => {
    const admin = await bootstrapAdministrator();
    const modifier = await actorWithRights(allRights);
    const counts = await tableCounts();

    expectLastAdministratorRefusal(
      await appError(updateUser(modifier, await updateUserRequest(admin.id, { enabled: false }))),
    );

    expect(await tableCounts()).toEqual(counts);
  });

  it("counts only enabled console users: a disabled administrator does not make the change safe", async () => {
    const admin = await bootstrapAdministrator();
    const disabled = await makeUser({ roles: ["administrator"], enabled: false });
    const external = await makeUser({ roles: ["administrator"], kind: "external" });

    expectLastAdministratorRefusal(
      await appError(updateUser(admin, await updateUserRequest(admin.id, { enabled: false }))),
    );

    await db().user.deleteMany({ where: { id: { in: [disabled.id, external.id] } } });
  });

  it("can be disabled, stripped or deleted once another enabled administrator exists", async () => {
    const admin = await bootstrapAdministrator();
    const second = await makeUser({ roles: ["administrator"] });
    const third = await makeUser({ roles: ["administrator"] });

    const disabled = await updateUser(admin, await updateUserRequest(second.id, { enabled: false }));
    expect(disabled.enabled).toBe(false);
    const stripped = await updateUser(admin, await updateUserRequest(third.id, { roleIds: [] }));
    expect(stripped.roles).toEqual([]);
    await deleteUser(admin, { id: second.id, version: disabled.version });
    await deleteUser(admin, { id: third.id, version: stripped.version });
  });

  it("survives two administrators disabling each other at the same moment: one of the two is refused", async () => {
    const first = await bootstrapAdministrator();
    const second = await actorFor((await makeUser({ roles: ["administrator"] })).id);

    const results = await Promise.allSettled([
      updateUser(first, await updateUserRequest(second.id, { enabled: false })),
      updateUser(second, await updateUserRequest(first.id, { enabled: false })),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expectLastAdministratorRefusal(refused?.reason);
    expect(await enabledAdministrators()).toBe(1);
    // Back to the start-up administrator alone, for the check after each test.
    await db().user.update({ where: { id: first.id }, data: { enabled: true } });
    await db().user.delete({ where: { id: second.id } });
  });
});
