import { describe, expect, it } from "vitest";
import { db } from "../db";
import { openCredentialSecret } from "../messaging/credential-secret";
import { createMessagingService, deleteMessagingService, updateMessagingService } from "../messaging/service";
import { createRole, deleteRole, updateRole } from "../roles/service";
import { updateSetting, ZUpdateSettingRequest } from "../settings/service";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, makeUser, tableCounts } from "../testing/factories";
import {
  createServiceRequest,
  storedCredentials,
  uniqueSecret,
  updateServiceRequest,
} from "../testing/messaging-requests";
import { createRoleRequest, createUserRequest, updateRoleRequest, updateUserRequest } from "../testing/requests";
import { setUserRights } from "../users/direct-rights";
import { createUser, deleteUser, updateUser } from "../users/service";
import { diffRevisions, listRevisions, restoreRevision } from "./service";

const viewUsers = { objectType: "user", access: "view", objectId: null } as const;
const viewAudit = { objectType: "audit", access: "view", objectId: null } as const;

/** Each revision of the object, oldest first, with its audit row. */
async function revisionsOf(objectId: string) {
  return db().revision.findMany({ where: { objectId }, orderBy: { version: "asc" }, include: { auditEvent: true } });
}

describe("revisions", () => {
  it("are written for every create, modify and delete of a role, each linked to its audit row", async () => {
    const admin = await bootstrapAdministrator();
    const role = await createRole(admin, createRoleRequest({ description: "first", rights: [viewUsers] }));
    const updated = await updateRole(admin, await updateRoleRequest(role.id, { description: "second" }));
    await deleteRole(admin, { id: role.id, version: updated.version });

    const revisions = await revisionsOf(role.id);
    expect(revisions.map((r) => [r.action, r.version, r.auditEvent.action, r.auditEvent.objectId])).toEqual([
      ["create", 1, "create", role.id],
      ["modify", 2, "modify", role.id],
      ["delete", 2, "delete", role.id],
    ]);
    expect(revisions[1]?.snapshot).toEqual({
      name: role.name,
      description: "second",
      requiresSecondFactor: false,
      rights: ["user:view:*"],
    });
    expect(revisions.every((r) => r.actorId === admin.id && r.actorName === admin.logonName)).toBe(true);
  });

  it("are written for users (their direct rights too) and settings", async () => {
    const admin = await bootstrapAdministrator();
    const user = await createUser(admin, createUserRequest({ firstName: "Grace" }));
    const renamed = await updateUser(admin, await updateUserRequest(user.id, { firstName: "Ada" }));
    const granted = await setUserRights(admin, { id: user.id, version: renamed.version, rights: [viewAudit] });
    await deleteUser(admin, { id: user.id, version: granted.version });
    const revisions = await revisionsOf(user.id);
    expect(revisions.map((r) => [r.action, r.version])).toEqual([
      ["create", 1],
      ["modify", 2],
      ["modify", 3],
      ["delete", 3],
    ]);
    expect(revisions[2]?.snapshot).toMatchObject({ firstName: "Ada", rights: ["audit:view:*"] });
    expect(JSON.stringify(revisions)).not.toContain("passwordHash");

    await db().setting.deleteMany({ where: { key: "useLocalHttpAuthentication" } });
    const request = ZUpdateSettingRequest.parse({ key: "useLocalHttpAuthentication", value: false, version: 0 });
    await updateSetting(admin, request);
    expect((await revisionsOf("useLocalHttpAuthentication")).at(-1)).toMatchObject({
      objectType: "settings",
      action: "modify",
      snapshot: { key: "useLocalHttpAuthentication", value: false },
    });
  });

  it("hold a messaging service's secrets only sealed, and never give them out", async () => {
    const admin = await bootstrapAdministrator();
    const secret = uniqueSecret("first");
    const service = await createMessagingService(
      admin,
      createServiceRequest("sinchsms", { entries: [{ authId: "sinch-user", secret }] }),
    );
    const replaced = uniqueSecret("second");
    const [credential] = await storedCredentials(service.id);
    await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        credentials: [{ id: credential?.id, authId: "sinch-user", secret: { action: "replace", value: replaced } }],
      }),
    );
    const stored = await revisionsOf(service.id);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(replaced);
    expect(stored[0]?.snapshot).toMatchObject({ credentials: [{ id: credential?.id, authId: "sinch-user" }] });

    const listed = await listRevisions(admin, "messaging_service", service.id);
    expect(JSON.stringify(listed)).not.toContain("secretSealed");
    expect(listed[0]?.snapshot).toMatchObject({ credentials: [{ authId: "sinch-user", secretSet: true }] });
    const difference = await diffRevisions(admin, stored[0]?.id ?? "", stored[1]?.id ?? "");
    expect(difference.lines).toEqual([{ label: "Authentication entry sinch-user", text: "secret replaced" }]);
  });
});

describe("listRevisions and diffRevisions", () => {
  it("list newest first and say what changed in the console's words", async () => {
    const admin = await bootstrapAdministrator();
    const role = await createRole(admin, createRoleRequest({ description: "first" }));
    await updateRole(admin, await updateRoleRequest(role.id, { description: "second", rights: [viewUsers] }));
    const listed = await listRevisions(admin, "role", role.id);
    expect(listed.map((r) => r.action)).toEqual(["modify", "create"]);
    const difference = await diffRevisions(admin, listed[1]?.id ?? "", listed[0]?.id ?? "");
    expect(difference.lines).toEqual([
      { label: "Description", text: "first → second" },
      { label: "Rights", text: "added View on all users" },
    ]);
  });

  it("refuse an object the actor may not see as if it did not exist, and audit the refusal", async () => {
    const admin = await bootstrapAdministrator();
    const role = await createRole(admin, createRoleRequest());
    const outsider = await actorWithRights([viewUsers]);
    const error = await appError(listRevisions(outsider, "role", role.id));
    expect(error.code).toBe("not_found");
    const [revision] = await revisionsOf(role.id);
    expect((await appError(diffRevisions(outsider, revision?.id ?? "", revision?.id ?? ""))).code).toBe("not_found");
    expect(
      await db().auditEvent.count({ where: { actorId: outsider.id, outcome: "refused", objectId: role.id } }),
    ).toBe(2);
  });
});

describe("restoreRevision", () => {
  it("brings an older version back, as a new revision through the same checks", async () => {
    const admin = await bootstrapAdministrator();
    const role = await createRole(admin, createRoleRequest({ description: "first" }));
    const second = await updateRole(
      admin,
      await updateRoleRequest(role.id, { description: "second", rights: [viewUsers] }),
    );
    const [first] = await revisionsOf(role.id);
    const restored = await restoreRevision(admin, first?.id ?? "", second.version);
    expect(restored.version).toBe(3);
    const now = await db().role.findUniqueOrThrow({ where: { id: role.id }, include: { rights: true } });
    expect([now.description, now.rights]).toEqual(["first", []]);
    const latest = (await revisionsOf(role.id)).at(-1);
    expect(latest).toMatchObject({ action: "restore", version: 3, auditEvent: { action: "restore" } });
  });

  it("brings a deleted record back under its id, with the create right", async () => {
    const admin = await bootstrapAdministrator();
    const role = await createRole(admin, createRoleRequest({ description: "kept", rights: [viewUsers] }));
    await deleteRole(admin, { id: role.id, version: role.version });
    const deleted = (await revisionsOf(role.id)).at(-1);
    expect(deleted?.action).toBe("delete");

    // Without the create right: refused, audited, nothing written.
    const modifier = await actorWithRights([
      { objectType: "role", access: "view", objectId: null },
      { objectType: "role", access: "modify", objectId: null },
    ]);
    const before = await tableCounts();
    expect((await appError(restoreRevision(modifier, deleted?.id ?? "", 0))).code).toBe("forbidden");
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });

    const back = await restoreRevision(admin, deleted?.id ?? "", 0);
    const now = await db().role.findUniqueOrThrow({ where: { id: role.id }, include: { rights: true } });
    expect([now.description, now.rights.length, back.version]).toEqual(["kept", 1, 2]);
    expect((await revisionsOf(role.id)).at(-1)?.action).toBe("restore");
  });

  it("brings a deleted messaging service back with its sealed secrets, which still open", async () => {
    const admin = await bootstrapAdministrator();
    const secret = uniqueSecret("kept");
    const service = await createMessagingService(
      admin,
      createServiceRequest("sinchsms", { entries: [{ authId: "sinch-user", secret }] }),
    );
    const [credential] = await storedCredentials(service.id);
    await deleteMessagingService(admin, { id: service.id, version: service.version });
    const deleted = (await revisionsOf(service.id)).at(-1);
    await restoreRevision(admin, deleted?.id ?? "", 0);
    const [back] = await storedCredentials(service.id);
    expect(back?.id).toBe(credential?.id);
    expect(openCredentialSecret(back?.id ?? "", back?.secretSealed ?? "")).toBe(secret);
  });

  it("brings back a replaced secret's sealed value", async () => {
    const admin = await bootstrapAdministrator();
    const secret = uniqueSecret("old");
    const service = await createMessagingService(
      admin,
      createServiceRequest("sinchsms", { entries: [{ authId: "sinch-user", secret }] }),
    );
    const [credential] = await storedCredentials(service.id);
    const updated = await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        credentials: [
          { id: credential?.id, authId: "sinch-user", secret: { action: "replace", value: uniqueSecret() } },
        ],
      }),
    );
    const [first] = await revisionsOf(service.id);
    await restoreRevision(admin, first?.id ?? "", updated.version);
    const [now] = await storedCredentials(service.id);
    expect(openCredentialSecret(now?.id ?? "", now?.secretSealed ?? "")).toBe(secret);
    const audit = (await revisionsOf(service.id)).at(-1)?.auditEvent;
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("restores a user with their roles and direct rights, and a deleted user without a usable password", async () => {
    const admin = await bootstrapAdministrator();
    const user = await createUser(admin, createUserRequest({ firstName: "Grace" }));
    const renamed = await updateUser(admin, await updateUserRequest(user.id, { firstName: "Ada" }));
    const granted = await setUserRights(admin, { id: user.id, version: renamed.version, rights: [viewAudit] });
    const [first] = await revisionsOf(user.id);
    const restored = await restoreRevision(admin, first?.id ?? "", granted.version);
    const now = await db().user.findUniqueOrThrow({ where: { id: user.id }, include: { rights: true } });
    expect([now.firstName, now.rights.length]).toEqual(["Grace", 0]);

    await deleteUser(admin, { id: user.id, version: restored.version });
    const deleted = (await revisionsOf(user.id)).at(-1);
    await restoreRevision(admin, deleted?.id ?? "", 0);
    const back = await db().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect([back.firstName, back.mustChangePassword]).toEqual(["Grace", true]);
    expect(back.passwordHash).not.toBe(
      (await db().user.findUniqueOrThrow({ where: { id: admin.id }, omit: { passwordHash: false } })).passwordHash,
    );
  });

  it("refuses a stale version, and a restore without the modify right, writing nothing but the refusal", async () => {
    const admin = await bootstrapAdministrator();
    const role = await createRole(admin, createRoleRequest({ description: "first" }));
    const second = await updateRole(admin, await updateRoleRequest(role.id, { description: "second" }));
    const [first] = await revisionsOf(role.id);
    const viewer = await actorWithRights([{ objectType: "role", access: "view", objectId: null }]);
    const before = await tableCounts();
    expect((await appError(restoreRevision(admin, first?.id ?? "", second.version - 1))).code).toBe("stale");
    expect((await appError(restoreRevision(admin, first?.id ?? "", 0))).code).toBe("stale");
    expect(await tableCounts()).toEqual(before);
    expect((await appError(restoreRevision(viewer, first?.id ?? "", second.version))).code).toBe("forbidden");
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect((await db().role.findUniqueOrThrow({ where: { id: role.id } })).description).toBe("second");
  });

  it("refuses a restore whose snapshot no longer passes the form's checks, as field errors", async () => {
    const admin = await bootstrapAdministrator();
    const user = await makeUser();
    const role = await createRole(admin, createRoleRequest({ rights: [{ ...viewUsers, objectId: user.id }] }));
    await db().revision.updateMany({ where: { objectId: role.id }, data: { snapshot: { name: "", rights: [] } } });
    const [first] = await revisionsOf(role.id);
    const error = await appError(restoreRevision(admin, first?.id ?? "", role.version));
    expect(error.code).toBe("invalid");
    expect(Object.keys(error.fieldErrors)).toContain("name");
  });

  it("restores a setting's older value through the setting's own checks, and says so in its words", async () => {
    const admin = await bootstrapAdministrator();
    const key = "useLocalHttpAuthentication";
    await db().setting.deleteMany({ where: { key } });
    await updateSetting(admin, ZUpdateSettingRequest.parse({ key, value: false, version: 0 }));
    const second = await updateSetting(admin, ZUpdateSettingRequest.parse({ key, value: true, version: 1 }));
    const [off, on] = (await revisionsOf(key)).slice(-2);
    const difference = await diffRevisions(admin, on?.id ?? "", off?.id ?? "");
    expect(difference.lines).toEqual([{ label: "Use Local Http Authentication", text: "on → off" }]);

    const auditor = await actorWithRights([{ objectType: "settings", access: "view", objectId: null }]);
    expect((await appError(restoreRevision(auditor, off?.id ?? "", second.version))).code).toBe("forbidden");
    const restored = await restoreRevision(admin, off?.id ?? "", second.version);
    expect(restored.version).toBe(3);
    expect((await db().setting.findUniqueOrThrow({ where: { key } })).value).toBe(false);
  });
});
