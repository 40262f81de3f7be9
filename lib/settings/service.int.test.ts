import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, makeActor } from "../testing/factories";
import { listSettings, settingValue, updateSetting, ZUpdateSettingRequest } from "./service";

const KEY = "useLocalHttpAuthentication";
const HOSTS = "allowedInternalHosts";

const request = (value: unknown, version: number) => ZUpdateSettingRequest.parse({ key: KEY, value, version });

/** The setting's row and its audit trail, to show that a refused change wrote nothing. */
async function stateOf() {
  const [row, audit] = await Promise.all([
    db().setting.findUnique({ where: { key: KEY } }),
    db().auditEvent.findMany({ where: { objectType: "settings", outcome: "success" } }),
  ]);
  return { row, audit };
}

// Every test starts from a setting that was never saved.
beforeEach(async () => {
  await db().setting.deleteMany({ where: { key: { in: [KEY, HOSTS] } } });
});

describe("listSettings and settingValue", () => {
  it("give the default, on, at version 0 before the setting is first saved", async () => {
    const auditor = await makeActor({ roles: ["auditor"] });

    expect(await listSettings(auditor)).toEqual([
      { key: KEY, value: true, version: 0 },
      { key: HOSTS, value: [], version: 0 },
    ]);
    expect(await settingValue(KEY)).toBe(true);
  });

  it("refuse an actor without the view right on settings, and audit it", async () => {
    const actor = await actorWithRights([{ objectType: "messaging_service", access: "view" }]);

    expect((await appError(listSettings(actor))).code).toBe("forbidden");

    const refusals = await db().auditEvent.findMany({ where: { actorId: actor.id } });
    expect(refusals.map((r) => [r.action, r.objectType, r.outcome])).toEqual([["view", "settings", "refused"]]);
  });
});

describe("updateSetting", () => {
  it("saves the first value at version 0 and later ones at their version, auditing each change from and to", async () => {
    const admin = await bootstrapAdministrator();

    const first = await updateSetting(admin, request(false, 0));
    expect(first).toMatchObject({ key: KEY, value: false, version: 1 });
    expect(await settingValue(KEY)).toBe(false);
    const second = await updateSetting(admin, request(true, 1));
    expect(second).toMatchObject({ key: KEY, value: true, version: 2 });
    expect((await listSettings(admin)).find((setting) => setting.key === KEY)).toEqual({
      key: KEY,
      value: true,
      version: 2,
    });

    const audit = await db().auditEvent.findMany({
      where: { objectType: "settings", objectId: KEY, actorId: admin.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => [a.action, a.objectName, a.outcome, a.changes])).toEqual([
      ["modify", "Use Local Http Authentication", "success", { [KEY]: { from: true, to: false } }],
      ["modify", "Use Local Http Authentication", "success", { [KEY]: { from: false, to: true } }],
    ]);
  });

  it("refuses an Operator, who lacks settings.modify, audits the refusal and changes nothing", async () => {
    const admin = await bootstrapAdministrator();
    await updateSetting(admin, request(false, 0));
    const operator = await makeActor({ roles: ["operator"] });
    const before = await stateOf();

    expect((await appError(updateSetting(operator, request(true, 1)))).code).toBe("forbidden");

    expect(await stateOf()).toEqual(before);
    expect(await settingValue(KEY)).toBe(false);
    const refusals = await db().auditEvent.findMany({ where: { actorId: operator.id } });
    expect(refusals.map((r) => [r.action, r.objectType, r.outcome])).toEqual([["modify", "settings", "refused"]]);
  });

  it.each([
    ["0 once the setting was saved", 0],
    ["1, an older one", 1],
    ["7, one it never had", 7],
  ])("refuses version %s as stale and changes nothing", async (_, version) => {
    const admin = await bootstrapAdministrator();
    await updateSetting(admin, request(false, 0));
    await updateSetting(admin, request(true, 1));
    const before = await stateOf();

    const error = await appError(updateSetting(admin, request(false, version)));

    expect(error.code).toBe("stale");
    expect(await stateOf()).toEqual(before);
    expect(before.row).toMatchObject({ value: true, version: 2 });
  });

  it("refuses a value of the wrong kind on the value field, and writes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const before = await stateOf();

    const error = await appError(updateSetting(admin, request("yes", 0)));

    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ value: ["Not a valid value for Use Local Http Authentication."] });
    expect(await stateOf()).toEqual(before);
    expect(before.row).toBeNull();
  });
});

describe("the allowed internal hosts of the connection test", () => {
  const hosts = (value: unknown, version: number) => ZUpdateSettingRequest.parse({ key: HOSTS, value, version });

  it("stores host names, addresses and ranges normalized, and audits the change from and to", async () => {
    const admin = await bootstrapAdministrator();

    const row = await updateSetting(admin, hosts(["Svc.Internal.", "10.20.0.0/16", "svc.internal", "fd12::7"], 0));

    expect(row).toMatchObject({ value: ["svc.internal", "10.20.0.0/16", "fd12::7"], version: 1 });
    expect(await settingValue(HOSTS)).toEqual(["svc.internal", "10.20.0.0/16", "fd12::7"]);
    const audit = await db().auditEvent.findMany({ where: { objectType: "settings", objectId: HOSTS } });
    expect(audit.map((a) => [a.action, a.objectName, a.outcome, a.changes])).toEqual([
      [
        "modify",
        "Allowed internal hosts",
        "success",
        { [HOSTS]: { from: [], to: ["svc.internal", "10.20.0.0/16", "fd12::7"] } },
      ],
    ]);
  });

  it("names every line that is not a host name, an address or a range, and writes nothing", async () => {
    const admin = await bootstrapAdministrator();
    const auditBefore = await db().auditEvent.count();

    const error = await appError(updateSetting(admin, hosts(["ok.internal", "two words", "10.0.0.0/33"], 0)));

    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({
      value: [
        "Line 2: “two words” is not a host name, an IP address or a CIDR range.",
        "Line 3: “10.0.0.0/33” is not a valid CIDR range (such as 10.20.0.0/16 or fd12:3456::/48).",
      ],
    });
    expect(await db().setting.findUnique({ where: { key: HOSTS } })).toBeNull();
    expect(await db().auditEvent.count()).toBe(auditBefore);
    expect((await appError(updateSetting(admin, hosts("10.0.0.0/8", 0)))).fieldErrors).toEqual({
      value: ["Not a valid value for Allowed internal hosts."],
    });
  });

  it("refuses an Operator, and audits the refusal", async () => {
    const operator = await makeActor({ roles: ["operator"] });

    expect((await appError(updateSetting(operator, hosts(["127.0.0.1"], 0)))).code).toBe("forbidden");

    expect(await settingValue(HOSTS)).toEqual([]);
    const refusals = await db().auditEvent.findMany({ where: { actorId: operator.id } });
    expect(refusals.map((r) => [r.action, r.objectType, r.outcome])).toEqual([["modify", "settings", "refused"]]);
  });
});
