// Importing the driver's own CFG and CSV through lib/transfer: a round trip changes nothing, a dry run
// shows the diff and writes nothing, the policy applies, unknown options and values out of range fail
// their channel with the option named, and /api/v1/sms-channels/import takes the file as a text body.
import { describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/sms-channels/import/route";
import { db } from "../db";
import { callApi, tokenFor } from "../testing/api-requests";
import { bootstrapAdministrator, makeActor, tableCounts, uniqueName } from "../testing/factories";
import { importDriverConfiguration } from "./driver-import";
import { exportSmsChannels } from "./export";
import { ZCreateSmsChannelRequest } from "./schemas";
import { createSmsChannel } from "./service";

const channelName = () => uniqueName("drv").replace(/[^A-Za-z0-9_-]/g, "_");

async function twoChannels() {
  const admin = await bootstrapAdministrator();
  const options = { "reconnection-timeout": "60", "x-smpp-submit-max-rate": "20" };
  const a = await createSmsChannel(admin, ZCreateSmsChannelRequest.parse({ name: channelName(), options }));
  const b = await createSmsChannel(
    admin,
    ZCreateSmsChannelRequest.parse({
      name: channelName(),
      options: { "x-smpp-tls-mode": "single" },
      secrets: { password: { action: "replace", value: "pw12" } },
    }),
  );
  return { admin, a, b };
}

describe("importing the driver's configuration", () => {
  it("changes nothing when its own CFG or CSV export is imported back (secrets kept)", async () => {
    const { admin, a, b } = await twoChannels();
    for (const format of ["cfg", "csv"] as const) {
      const file = await exportSmsChannels(admin, { format, ids: [a.id, b.id] });
      const before = await tableCounts();
      const report = await importDriverConfiguration(admin, {
        format,
        content: file.content,
        dryRun: false,
        policy: "fail",
      });
      expect(report.records.map((r) => [r.key, r.action])).toEqual(
        [a.name, b.name]
          .sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase()))
          .map((name) => [name, "unchanged"]),
      );
      expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    }
    const stored = await db().smsChannel.findUniqueOrThrow({ where: { id: b.id }, omit: { secretsSealed: false } });
    expect(Object.keys(stored.secretsSealed as object)).toEqual(["password"]);
  });

  it("dry-runs a changed file with its diff, applies it by policy, and fails channels with bad options", async () => {
    const { admin, a } = await twoChannels();
    const created = channelName();
    const cfg = [
      `[channel-${a.name}]`,
      "reconnection-timeout = 90",
      "",
      `[channel-${created}]`,
      "x-smpp-tls-mode = off",
      "",
    ].join("\n");
    const before = await tableCounts();
    const plan = await importDriverConfiguration(admin, {
      format: "cfg",
      content: cfg,
      dryRun: true,
      policy: "overwrite",
    });
    expect(plan.records).toMatchObject([
      {
        key: a.name,
        action: "update",
        changes: {
          "reconnection-timeout": { from: "60", to: "90" },
          "x-smpp-submit-max-rate": { from: "20", to: null },
        },
      },
      { key: created, action: "create" },
    ]);
    expect(await tableCounts()).toEqual(before);
    const skipped = await importDriverConfiguration(admin, {
      format: "cfg",
      content: cfg,
      dryRun: false,
      policy: "skip",
    });
    expect(skipped.records.map((r) => r.action)).toEqual(["conflict", "create"]);
    const row = await db().smsChannel.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.options).toEqual({ "reconnection-timeout": "60", "x-smpp-submit-max-rate": "20" });

    const bad = `[channel-${a.name}]\nreconnection-timeout = 5\nx-smpp-turbo = on\n`;
    const failed = await importDriverConfiguration(admin, {
      format: "cfg",
      content: bad,
      dryRun: false,
      policy: "overwrite",
    });
    expect(failed).toMatchObject({ applied: false, counts: { error: 1 } });
    expect(failed.records[0]?.fieldErrors).toEqual({
      "options.reconnection-timeout": ["reconnection-timeout: Enter a number 10 or more."],
      "options.x-smpp-turbo": ["Unknown option x-smpp-turbo: the SMS driver has no such channel option."],
    });
  });

  it("takes the file as a text body in /api/v1, dry run and policy in the query; a refused import names the option", async () => {
    const { a } = await twoChannels();
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const csv = `Section,Option,Value\r\nchannel-${a.name},reconnection-timeout,120\r\n`;
    const headers = { "Content-Type": "text/csv" };
    const plan = await callApi("POST", "/sms-channels/import", importRoute, {
      token,
      rawBody: csv,
      headers,
      query: "?format=csv&dryRun=true&policy=overwrite",
    });
    expect(plan.status).toBe(200);
    expect(plan.json).toMatchObject({ dryRun: true, applied: false, records: [{ key: a.name, action: "update" }] });
    const refused = await callApi("POST", "/sms-channels/import", importRoute, {
      token,
      rawBody: `[channel-${a.name}]\nx-smpp-submit-window-size = 0\n`,
      headers: { "Content-Type": "text/plain" },
      query: "?format=cfg&policy=overwrite",
    });
    expect(refused.status).toBe(400);
    expect(refused.json.errors["smsChannels.0.options.x-smpp-submit-window-size"]).toEqual([
      "x-smpp-submit-window-size: Enter a number 1 to 1000.",
    ]);
    const json = await callApi("POST", "/sms-channels/import", importRoute, { token, body: { content: csv } });
    expect(json.status).toBe(415);
    const applied = await callApi("POST", "/sms-channels/import", importRoute, {
      token,
      rawBody: csv,
      headers,
      query: "?format=csv&policy=overwrite",
    });
    expect(applied.json).toMatchObject({ applied: true, counts: { update: 1 } });
  });
});
