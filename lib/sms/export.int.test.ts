import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/sms-channels/export/route";
import { db } from "../db";
import { callApi, tokenFor } from "../testing/api-requests";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, makeActor, uniqueName } from "../testing/factories";
import { importDriverConfiguration } from "./driver-import";
import { exportSmsChannels } from "./export";
import { ZCreateSmsChannelRequest } from "./schemas";
import { createSmsChannel } from "./service";

const channelName = () => uniqueName("exp").replace(/[^A-Za-z0-9_-]/g, "_");

describe("exporting SMS channels", () => {
  it("exports the chosen channels without their secrets, in CFG and CSV", async () => {
    const admin = await bootstrapAdministrator();
    const channel = await createSmsChannel(
      admin,
      ZCreateSmsChannelRequest.parse({
        name: channelName(),
        options: { "x-smpp-submit-window-size": "50" },
        secrets: { password: { action: "replace", value: "pw8chars" } },
      }),
    );
    const cfg = await exportSmsChannels(admin, { format: "cfg", ids: [channel.id] });
    expect(cfg.content).toContain(`[channel-${channel.name}]\n`);
    expect(cfg.content).toContain("x-smpp-submit-window-size = 50\n");
    expect(cfg.content).not.toContain("pw8chars");
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const csv = await callApi("GET", "/sms-channels/export", exportRoute, {
      token,
      query: `?format=csv&id=${channel.id}`,
    });
    expect(csv.status).toBe(200);
    expect(csv.json).toEqual({
      fileName: "sms-channels.csv",
      contentType: "text/csv",
      content: `Section,Option,Value\r\nchannel-${channel.name},x-smpp-submit-window-size,50\r\n`,
    });
  });

  it("exports only channels the actor may view; a channel outside their scope is not found (audited)", async () => {
    const admin = await bootstrapAdministrator();
    const mine = await createSmsChannel(admin, ZCreateSmsChannelRequest.parse({ name: channelName() }));
    const other = await createSmsChannel(admin, ZCreateSmsChannelRequest.parse({ name: channelName() }));
    const actor = await actorWithRights([{ objectType: "sms_channel", access: "view", objectId: mine.id }]);
    const all = await exportSmsChannels(actor, { format: "cfg" });
    expect(all.content).toContain(`[channel-${mine.name}]`);
    expect(all.content).not.toContain(other.name);
    expect((await appError(exportSmsChannels(actor, { format: "cfg", ids: [mine.id, other.id] }))).code).toBe(
      "not_found",
    );
    expect(await db().auditEvent.count({ where: { actorId: actor.id, objectId: other.id, outcome: "refused" } })).toBe(
      1,
    );
    const nobody = await actorWithRights([{ objectType: "user", access: "view" }]);
    expect((await appError(exportSmsChannels(nobody, { format: "csv" }))).code).toBe("forbidden");
  });
});

const PASSWORD = "Pw#4410q";
const FILE_PASSWORD = "FILE-PW-MARKER-6632";
const KEY_PASSWORD = "KEY-PW-MARKER-5521";

/** Two channels with secrets set, and an actor who may view both but export secrets only of the first. */
async function channelsWithSecrets() {
  const admin = await bootstrapAdministrator();
  const make = (password: string) =>
    createSmsChannel(
      admin,
      ZCreateSmsChannelRequest.parse({
        name: channelName(),
        options: {
          "x-smpp-tls-mode": "single",
          "x-smpp-tls-path-to-certificate": "/etc/smpp/cert.p12",
        },
        secrets: {
          password: { action: "replace", value: password },
          "x-smpp-tls-certificate-file-password": { action: "replace", value: FILE_PASSWORD },
          "x-smpp-tls-certificate-password": { action: "replace", value: KEY_PASSWORD },
        },
      }),
    );
  const one = await make(PASSWORD);
  const two = await make("Other#77");
  const scoped = await actorWithRights([
    { objectType: "sms_channel", access: "view" },
    { objectType: "sms_channel", access: "export_secrets", objectId: one.id },
  ]);
  return { admin, one, two, scoped };
}

const secretAudits = (actorId: string) =>
  db().auditEvent.findMany({ where: { actorId, action: "export_secrets" }, orderBy: { at: "asc" } });

describe("exporting SMS channels with their secrets", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes secrets in clear only for channels under export_secrets, audited by name and never by value", async () => {
    const logs = [
      vi.spyOn(console, "log"),
      vi.spyOn(console, "info"),
      vi.spyOn(console, "warn"),
      vi.spyOn(console, "error"),
    ];
    const { one, two, scoped } = await channelsWithSecrets();
    const cfg = await exportSmsChannels(scoped, { format: "cfg", ids: [one.id], withSecrets: true });
    expect(cfg.content).toContain(`password = ${PASSWORD}\n`);
    expect(cfg.content).toContain(`x-smpp-tls-certificate-password = ${KEY_PASSWORD}\n`);
    expect(cfg.content).not.toContain("secrets left out");
    // Every channel: the secrets of the first only; the second keeps its note.
    const all = await exportSmsChannels(scoped, { format: "csv", withSecrets: true });
    expect(all.content).toContain(`channel-${one.name},password,${PASSWORD}\r\n`);
    expect(all.content).toContain(`channel-${two.name},x-smpp-tls-mode,single`);
    expect(all.content).not.toContain("Other#77");
    const audits = await secretAudits(scoped.id);
    expect(audits).toHaveLength(2);
    expect(audits[0]?.detail).toContain(one.name);
    expect(audits[1]?.detail).toContain(one.name);
    expect(audits[1]?.detail).not.toContain(two.name);
    expect(audits[0]).toMatchObject({ outcome: "success", objectType: "sms_channel", objectId: one.id });
    const written = JSON.stringify(audits) + JSON.stringify(logs.flatMap((spy) => spy.mock.calls));
    expect(written).not.toContain(PASSWORD);
    expect(written).not.toContain(KEY_PASSWORD);
    expect(written).not.toContain(FILE_PASSWORD);
    // Without the option nothing changes: no secret, no audit row.
    const plain = await exportSmsChannels(scoped, { format: "cfg", ids: [one.id] });
    expect(plain.content).not.toContain(PASSWORD);
    expect(plain.content).toContain("; secrets left out");
    expect(await secretAudits(scoped.id)).toHaveLength(2);
  });

  it("refuses secrets of a channel outside the right (403, audited) and of every channel without it", async () => {
    const { one, two, scoped } = await channelsWithSecrets();
    expect(
      (await appError(exportSmsChannels(scoped, { format: "cfg", ids: [one.id, two.id], withSecrets: true }))).code,
    ).toBe("forbidden");
    const refused = await db().auditEvent.findMany({
      where: { actorId: scoped.id, objectId: two.id, outcome: "refused", action: "export_secrets" },
    });
    expect(refused).toHaveLength(1);
    expect(
      await db().auditEvent.count({ where: { actorId: scoped.id, action: "export_secrets", outcome: "success" } }),
    ).toBe(0);
    const viewer = await actorWithRights([{ objectType: "sms_channel", access: "view" }]);
    expect((await appError(exportSmsChannels(viewer, { format: "csv", withSecrets: true }))).code).toBe("forbidden");
    expect(
      await db().auditEvent.count({ where: { actorId: viewer.id, action: "export_secrets", outcome: "refused" } }),
    ).toBe(1);
    // A channel the actor may not see stays not found, secrets asked or not.
    const blind = await actorWithRights([
      { objectType: "sms_channel", access: "view", objectId: one.id },
      { objectType: "sms_channel", access: "export_secrets", objectId: one.id },
    ]);
    expect((await appError(exportSmsChannels(blind, { format: "cfg", ids: [two.id], withSecrets: true }))).code).toBe(
      "not_found",
    );
  });

  it("round-trips: its export imported back changes nothing, and into a new name carries the secrets", async () => {
    const { admin, one } = await channelsWithSecrets();
    const file = await exportSmsChannels(admin, { format: "cfg", ids: [one.id], withSecrets: true });
    const back = await importDriverConfiguration(admin, {
      format: "cfg",
      content: file.content,
      dryRun: false,
      policy: "fail",
    });
    expect(back.records.map((r) => [r.key, r.action])).toEqual([[one.name, "unchanged"]]);
    const copy = channelName();
    const copied = await importDriverConfiguration(admin, {
      format: "cfg",
      content: file.content.replace(`[channel-${one.name}]`, `[channel-${copy}]`),
      dryRun: false,
      policy: "fail",
    });
    expect(copied.records.map((r) => [r.key, r.action])).toEqual([[copy, "create"]]);
    const created = await db().smsChannel.findFirstOrThrow({ where: { name: copy } });
    const again = await exportSmsChannels(admin, { format: "cfg", ids: [created.id], withSecrets: true });
    expect(again.content).toBe(file.content.replace(`[channel-${one.name}]`, `[channel-${copy}]`));
  });
});
