// Export and import through lib/transfer: what an export leaves out, a round trip that changes nothing,
// a dry run that writes nothing, an import that writes everything or nothing, and the three policies.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { openCredentialSecret } from "../messaging/credential-secret";
import { createMessagingService } from "../messaging/service";
import { appError } from "../testing/app-error";
import {
  actorWithRights,
  bootstrapAdministrator,
  makeRole,
  makeUser,
  tableCounts,
  uniqueName,
} from "../testing/factories";
import { createServiceRequest, storedCredentials, uniqueSecret } from "../testing/messaging-requests";
import { exportDocument } from "./export";
import { applyImport, planImport, requireApplied, type TImportReport } from "./import";

const doc = (areas: Record<string, unknown[]>) => ({ format: "switchboard-export", version: 1, areas });

const byKey = (report: TImportReport, key: string) => report.records.find((r) => r.key === key);

describe("export", () => {
  it("leaves out secrets, ids and versions, and records the actor may not view; it is audited", async () => {
    const admin = await bootstrapAdministrator();
    const secret = uniqueSecret("EXPORT-MARKER");
    const seen = await createMessagingService(
      admin,
      createServiceRequest("twilio", { entries: [{ authId: "AC0123456789abcdef", secret }] }),
    );
    const unseen = await createMessagingService(admin, createServiceRequest("sap365"));
    const operator = await actorWithRights([{ objectType: "messaging_service", access: "view", objectId: seen.id }]);

    const document = await exportDocument(operator, {});
    expect(Object.keys(document.areas)).toEqual(["messagingServices"]);
    expect(document.areas.messagingServices).toEqual([
      {
        name: seen.name,
        type: "twilio",
        serviceConnection: "https://provider.example.com/send",
        credentials: [{ authId: "AC0123456789abcdef" }],
      },
    ]);
    const text = JSON.stringify(document);
    for (const hidden of [secret, seen.id, unseen.name, "secretSealed", 'version":2'])
      expect(text).not.toContain(hidden);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { actorId: operator.id, action: "export" } });
    expect(audit.detail).toBe("Exported 1 messaging services");
  });

  it("refuses an area the actor may not view when it is asked for by name", async () => {
    const operator = await actorWithRights([{ objectType: "role", access: "view" }]);
    expect((await appError(exportDocument(operator, { areas: ["users"] }))).code).toBe("forbidden");
    const roles = await exportDocument(operator, { areas: ["roles"] });
    expect(Object.keys(roles.areas)).toEqual(["roles"]);
  });
});

describe("import", () => {
  it("changes nothing when an export is imported back (every record unchanged)", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("facebook"));
    const role = await makeRole({
      rights: [
        { objectType: "messaging_service", access: "modify", objectId: service.id },
        { objectType: "user", access: "view" },
      ],
    });
    await makeUser({ roles: [role.id] });
    const document = await exportDocument(admin, {});
    const before = await tableCounts();
    const plan = await planImport(admin, document, "fail");
    expect(plan.records.length).toBeGreaterThan(5);
    expect(plan.records.filter((r) => r.action !== "unchanged")).toEqual([]);
    expect(await tableCounts()).toEqual(before);
    const applied = await applyImport(admin, document, "fail");
    expect([applied.applied, applied.counts.unchanged]).toEqual([true, plan.records.length]);
    // Only the import's own audit row.
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
  });

  it("plans creates and updates with their diff in a dry run that writes nothing, then applies them", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("sap365"));
    const selection = { areas: ["messagingServices"], keys: { messagingServices: [service.name] } };
    const exported = (await exportDocument(admin, selection)).areas.messagingServices?.[0];
    if (!exported) throw new Error("The service was not exported.");
    const roleName = uniqueName("imp-role");
    const logonName = uniqueName("imp-user");
    const document = doc({
      messagingServices: [{ ...exported, serviceConnection: "https://changed.example.com/send" }],
      roles: [
        {
          name: roleName,
          description: "Imported",
          rights: [{ objectType: "messaging_service", access: "view", object: service.name }],
        },
      ],
      users: [{ logonName, firstName: "Ima", lastName: "Port", kind: "console", enabled: true, roles: [roleName] }],
    });
    const before = await tableCounts();
    const plan = await planImport(admin, document, "overwrite");
    expect(await tableCounts()).toEqual(before);
    expect(byKey(plan, service.name)).toMatchObject({
      action: "update",
      changes: {
        serviceConnection: { from: "https://provider.example.com/send", to: "https://changed.example.com/send" },
      },
    });
    expect(byKey(plan, roleName)?.action).toBe("create");
    expect(byKey(plan, logonName)).toMatchObject({
      action: "create",
      notes: [expect.stringContaining("Needs a password")],
    });

    const sealed = (await storedCredentials(service.id)).map((c) => c.secretSealed);
    const applied = await applyImport(admin, document, "overwrite");
    expect(applied).toMatchObject({ applied: true, counts: { create: 2, update: 1, error: 0 } });
    expect(await tableCounts()).toMatchObject({
      roles: before.roles + 1,
      users: before.users + 1,
      messagingServices: before.messagingServices,
      // One per record, and the import's own.
      auditEvents: before.auditEvents + 4,
      revisions: before.revisions + 3,
    });
    // Secrets absent from the document stay as they were.
    expect((await storedCredentials(service.id)).map((c) => c.secretSealed)).toEqual(sealed);
    const user = await db().user.findUniqueOrThrow({
      where: { logonKey: logonName.toLowerCase() },
      include: { roles: { include: { role: true } } },
    });
    expect([user.roles.map((r) => r.role.name), user.mustChangePassword]).toEqual([[roleName], true]);
    const role = await db().role.findUniqueOrThrow({
      where: { nameKey: roleName.toLowerCase() },
      include: { rights: true },
    });
    expect(role.rights).toMatchObject([{ objectType: "messaging_service", access: "view", objectId: service.id }]);
  });

  it("writes nothing at all when one record in the middle fails", async () => {
    const admin = await bootstrapAdministrator();
    const first = uniqueName("first");
    const last = uniqueName("last");
    const document = doc({
      roles: [{ name: first }, { name: last }],
      users: [
        { logonName: uniqueName("ok"), firstName: "A", lastName: "B", kind: "console", enabled: true, roles: [first] },
        {
          logonName: uniqueName("bad"),
          firstName: "A",
          lastName: "B",
          kind: "console",
          enabled: true,
          roles: ["no-such-role"],
        },
      ],
    });
    const before = await tableCounts();
    const report = await applyImport(admin, document, "fail");
    expect(report.applied).toBe(false);
    expect(report.records.map((r) => r.action)).toEqual(["create", "create", "create", "error"]);
    expect(report.records[3]?.fieldErrors).toEqual({ roles: ['No role named "no-such-role" exists.'] });
    expect(await tableCounts()).toEqual(before);
    const error = await appError(Promise.resolve().then(() => requireApplied(report)));
    expect(error.fieldErrors).toEqual({ "users.1.roles": ['No role named "no-such-role" exists.'] });
  });

  it("skips, overwrites or refuses records that exist with other values, as the policy says", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole({ rights: [] });
    const fresh = uniqueName("fresh");
    const document = doc({ roles: [{ name: role.name, description: "New text" }, { name: fresh }] });
    const before = await tableCounts();

    const failed = await applyImport(admin, document, "fail");
    expect([failed.applied, byKey(failed, role.name)?.action]).toEqual([false, "conflict"]);
    expect(await tableCounts()).toEqual(before);

    const skipped = await applyImport(admin, document, "skip");
    expect([skipped.applied, byKey(skipped, role.name)?.action, byKey(skipped, fresh)?.action]).toEqual([
      true,
      "conflict",
      "create",
    ]);
    expect((await db().role.findUniqueOrThrow({ where: { id: role.id } })).description).toBe("");

    const overwritten = await applyImport(admin, document, "overwrite");
    expect([byKey(overwritten, role.name)?.action, byKey(overwritten, fresh)?.action]).toEqual(["update", "unchanged"]);
    expect((await db().role.findUniqueOrThrow({ where: { id: role.id } })).description).toBe("New text");
  });

  it("reports what the actor may not do, and secrets a new service needs", async () => {
    const operator = await actorWithRights([
      { objectType: "role", access: "view" },
      { objectType: "messaging_service", access: "view" },
      { objectType: "messaging_service", access: "create" },
    ]);
    const before = await tableCounts();
    const plan = await planImport(
      operator,
      doc({
        messagingServices: [
          {
            name: uniqueName("svc"),
            type: "sap365",
            serviceConnection: "https://provider.example.com/send",
            credentials: [{ authId: "sap-user" }],
          },
        ],
        roles: [{ name: uniqueName("nope") }],
      }),
      "skip",
    );
    expect(plan.records.map((r) => [r.action, r.message])).toEqual([
      ["error", "Some credential entries need their secret."],
      ["error", "You do not have the create right on roles."],
    ]);
    expect(plan.records[0]?.fieldErrors?.["credentials.0.secret"]?.[0]).toMatch(/^Needs a secret/);
    expect(await tableCounts()).toEqual(before);
  });

  it("updates a user's fields, roles and direct rights, and a setting, through their services", async () => {
    const admin = await bootstrapAdministrator();
    const role = await makeRole({ rights: [{ objectType: "role", access: "view" }] });
    const user = await makeUser({ kind: "external" });
    const exported = await exportDocument(admin, {
      areas: ["users", "settings"],
      keys: { users: [user.logonName], settings: ["allowedInternalHosts"] },
    });
    const [stored] = exported.areas.users ?? [];
    const document = doc({
      settings: [{ key: "allowedInternalHosts", value: ["10.20.0.0/16"] }],
      users: [
        {
          ...stored,
          firstName: "Renamed",
          roles: [role.name],
          rights: [{ objectType: "messaging_service", access: "use" }],
        },
      ],
    });
    const report = await applyImport(admin, document, "overwrite");
    expect(report.records.map((r) => [r.key, r.action])).toEqual([
      ["allowedInternalHosts", "update"],
      [user.logonName, "update"],
    ]);
    expect(report.records[1]?.changes).toEqual({
      firstName: { from: "Test", to: "Renamed" },
      roles: { from: [], to: [role.name] },
      rights: { from: [], to: ["messaging_service:use:*"] },
    });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, include: { roles: true, rights: true } });
    expect([after.firstName, after.roles.map((r) => r.roleId), after.rights.map((r) => r.access)]).toEqual([
      "Renamed",
      [role.id],
      ["use"],
    ]);
    expect((await db().setting.findUniqueOrThrow({ where: { key: "allowedInternalHosts" } })).value).toEqual([
      "10.20.0.0/16",
    ]);
    // The kind is chosen when a user is added.
    const kind = await planImport(admin, doc({ users: [{ ...stored, kind: "console" }] }), "overwrite");
    expect(kind.records[0]?.fieldErrors).toEqual({
      kind: ["The kind is chosen when the user is added and cannot change."],
    });
  });

  it("sets secrets a document carries, and no report repeats them", async () => {
    const admin = await bootstrapAdministrator();
    const name = uniqueName("svc-secret");
    const [first, second] = [uniqueSecret("IMPORT-MARKER"), uniqueSecret("IMPORT-MARKER")];
    const service = (secret: string) => ({
      name,
      type: "sap365",
      serviceConnection: "https://provider.example.com/send",
      credentials: [{ authId: "sap-user", secret }],
    });
    const created = await applyImport(admin, doc({ messagingServices: [service(first)] }), "fail");
    expect(created.records[0]).toMatchObject({
      action: "create",
      changes: { credentials: { from: null, to: { "sap-user": "added, secret set" } } },
    });
    const stored = await db().messagingService.findUniqueOrThrow({ where: { nameKey: name.toLowerCase() } });
    const [credential] = await storedCredentials(stored.id);
    expect(credential && openCredentialSecret(credential.id, credential.secretSealed ?? "")).toBe(first);

    const replaced = await applyImport(admin, doc({ messagingServices: [service(second)] }), "overwrite");
    expect(replaced.records[0]).toMatchObject({
      action: "update",
      changes: { credentials: { from: null, to: { "sap-user": "secret replaced" } } },
    });
    const [after] = await storedCredentials(stored.id);
    expect(after && openCredentialSecret(after.id, after.secretSealed ?? "")).toBe(second);
    expect(JSON.stringify([created, replaced])).not.toMatch(/IMPORT-MARKER/);
  });

  it("shows no diff of a record the actor may not view", async () => {
    const hidden = await makeRole({ rights: [] });
    const operator = await actorWithRights([
      { objectType: "role", access: "view", objectId: (await makeRole()).id },
      { objectType: "role", access: "modify" },
    ]);
    const plan = await planImport(operator, doc({ roles: [{ name: hidden.name, description: "Peek" }] }), "overwrite");
    expect(plan.records).toEqual([
      {
        area: "roles",
        objectType: "role",
        index: 0,
        key: hidden.name,
        action: "error",
        // Told as the console and the API tell it (lib/rights/capability.ts): not there for this actor.
        message: "This role does not exist (it may have been deleted).",
      },
    ]);
  });

  it("refuses a document of another format or version, and reports unreadable records one by one", async () => {
    const admin = await bootstrapAdministrator();
    expect((await appError(planImport(admin, { format: "other", version: 1, areas: {} }, "skip"))).code).toBe(
      "invalid",
    );
    expect((await appError(planImport(admin, { ...doc({}), version: 2 }, "skip"))).message).toMatch(/version/);
    expect((await appError(planImport(admin, { ...doc({}), extra: 1 }, "skip"))).code).toBe("invalid");
    const plan = await planImport(
      admin,
      doc({ roles: [{ name: "nul\u0000role" }, { name: uniqueName("r"), color: "red" }, "text"] }),
      "skip",
    );
    expect(plan.records.map((r) => r.action)).toEqual(["error", "error", "error"]);
    expect(Object.keys(plan.records[0]?.fieldErrors ?? {})).toEqual(["name"]);
  });
});
