import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/sms-channels/export/route";
import { db } from "../db";
import { callApi, tokenFor } from "../testing/api-requests";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, makeActor, uniqueName } from "../testing/factories";
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
