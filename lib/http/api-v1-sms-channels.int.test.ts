// /api/v1/sms-channels through its real route handlers: the console's rules, option field errors that
// name the option, secrets write-only, ETag/If-Match, rights scoped to one channel, restart marking.
import { describe, expect, it } from "vitest";
import { GET as checkKeystoreRoute } from "@/app/api/v1/sms-channels/[id]/keystore/route";
import { POST as restartedRoute } from "@/app/api/v1/sms-channels/[id]/restarted/route";
import {
  DELETE as deleteChannelRoute,
  GET as getChannelRoute,
  PUT as putChannelRoute,
} from "@/app/api/v1/sms-channels/[id]/route";
import { GET as exportRoute } from "@/app/api/v1/sms-channels/export/route";
import { GET as listChannelsRoute, POST as postChannelRoute } from "@/app/api/v1/sms-channels/route";
import { db } from "../db";
import { callApi as call, tokenFor } from "../testing/api-requests";
import { actorWithRights, makeActor, makeSmsChannel, tableCounts, uniqueName } from "../testing/factories";

const channelName = () => uniqueName("api-chan").replace(/[^A-Za-z0-9_-]/g, "_");
const KEY_PASSWORD = "KEY-PASSWORD-MARKER-7731";
const FILE_PASSWORD = "FILE-PASSWORD-MARKER-9912";

describe("SMS channels in /api/v1", () => {
  it("creates, reads, replaces, marks restarted and deletes a channel; no reply carries a secret", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const name = channelName();
    const created = await call("POST", "/sms-channels", postChannelRoute, {
      token,
      body: {
        name,
        options: { "x-smpp-tls-mode": "mutual", "x-smpp-tls-path-to-certificate": "/opt/sms/driver.p12" },
        secrets: {
          "x-smpp-tls-certificate-file-password": { action: "replace", value: FILE_PASSWORD },
          "x-smpp-tls-certificate-password": { action: "replace", value: KEY_PASSWORD },
        },
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(created.json.section).toBe(`channel-${name}`);
    expect(created.response.headers.get("location")).toBe(`/api/v1/sms-channels/${id}`);
    const read = await call("GET", `/sms-channels/${id}`, getChannelRoute, { token, params: { id } });
    expect(read.response.headers.get("etag")).toBe('W/"1"');
    expect(read.json.writeOnly).toEqual([
      { option: "password", secret: "not set" },
      { option: "x-smpp-tls-certificate-file-password", secret: "set" },
      { option: "x-smpp-tls-certificate-password", secret: "set" },
    ]);
    expect(read.json.restart.pending).toBe(true);

    const missing = await call("PUT", `/sms-channels/${id}`, putChannelRoute, {
      token,
      params: { id },
      body: { name },
    });
    expect(missing.status).toBe(428);
    const put = await call("PUT", `/sms-channels/${id}`, putChannelRoute, {
      token,
      params: { id },
      ifMatch: 'W/"1"',
      body: {
        name,
        options: {
          "x-smpp-tls-mode": "mutual",
          "x-smpp-tls-path-to-certificate": "/opt/sms/driver.p12",
          "x-smpp-tls-version": "1.1",
        },
      },
    });
    expect(put.status).toBe(200);
    expect(put.response.headers.get("etag")).toBe('W/"2"');
    const again = await call("GET", `/sms-channels/${id}`, getChannelRoute, { token, params: { id } });
    expect(again.json.warnings).toEqual([
      "TLS 1.1 is deprecated: the driver accepts it, but use 1.2 unless the SMSC cannot.",
    ]);
    expect(again.json.writeOnly).toContainEqual({ option: "x-smpp-tls-certificate-password", secret: "set" });

    const stale = await call("POST", `/sms-channels/${id}/restarted`, restartedRoute, {
      token,
      params: { id },
      ifMatch: 'W/"1"',
    });
    expect(stale.status).toBe(412);
    const marked = await call("POST", `/sms-channels/${id}/restarted`, restartedRoute, {
      token,
      params: { id },
      ifMatch: 'W/"2"',
    });
    expect(marked.status).toBe(200);
    expect(marked.json.restartPending).toBe(false);
    const pending = await call("GET", "/sms-channels", listChannelsRoute, {
      token,
      query: `?restart=pending&q=${name}`,
    });
    expect(pending.json.rows).toEqual([]);

    const text = JSON.stringify([created.json, read.json, put.json, again.json, marked.json]);
    expect(text).not.toContain(KEY_PASSWORD);
    expect(text).not.toContain(FILE_PASSWORD);

    const deleted = await call("DELETE", `/sms-channels/${id}`, deleteChannelRoute, {
      token,
      params: { id },
      ifMatch: 'W/"2"',
    });
    expect(deleted.status).toBe(204);
  });

  it("answers field errors that name the option, and writes nothing", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const before = await tableCounts();
    const refused = await call("POST", "/sms-channels", postChannelRoute, {
      token,
      body: { name: "bad name", options: { "x-smpp-submit-window-size": "0", "x-smpp-tls-mode": "mutual" } },
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.json.errors).sort()).toEqual([
      "name",
      "options.x-smpp-submit-window-size",
      "options.x-smpp-tls-path-to-certificate",
      "secrets.x-smpp-tls-certificate-file-password",
      "secrets.x-smpp-tls-certificate-password",
    ]);
    const { apiTokens: _tokens, auditEvents: _audit, ...after } = await tableCounts();
    const { apiTokens: _t, auditEvents: _a, ...expected } = before;
    expect(after).toEqual(expected);
  });

  it("shows a token scoped to one channel only that channel: 404 for another, 403 for changing its own", async () => {
    const mine = await makeSmsChannel({ name: channelName() });
    const other = await makeSmsChannel({ name: channelName() });
    const actor = await actorWithRights([{ objectType: "sms_channel", access: "view", objectId: mine.id }]);
    const token = await tokenFor(actor);
    const listed = await call("GET", "/sms-channels", listChannelsRoute, { token });
    expect(listed.json.rows.map((r: { id: string }) => r.id)).toEqual([mine.id]);
    const before = await tableCounts();
    const hidden = await call("GET", `/sms-channels/${other.id}`, getChannelRoute, {
      token,
      params: { id: other.id },
    });
    expect(hidden.status).toBe(404);
    // The same answer as for a channel that does not exist: nothing tells the two apart.
    const missing = "00000000-0000-4000-8000-000000000000";
    const none = await call("GET", `/sms-channels/${missing}`, getChannelRoute, { token, params: { id: missing } });
    expect({ status: none.status, detail: none.json.detail }).toEqual({ status: 404, detail: hidden.json.detail });
    const restarted = (id: string) =>
      call("POST", `/sms-channels/${id}/restarted`, restartedRoute, { token, params: { id }, ifMatch: 'W/"1"' });
    expect((await restarted(other.id)).status).toBe(404);
    expect((await restarted(mine.id)).status).toBe(403);
    const replaced = (id: string) =>
      call("PUT", `/sms-channels/${id}`, putChannelRoute, {
        token,
        params: { id },
        ifMatch: 'W/"1"',
        body: { name: channelName() },
      });
    expect((await replaced(other.id)).status).toBe(404);
    expect((await replaced(mine.id)).status).toBe(403);
    const keystore = await call("GET", `/sms-channels/${other.id}/keystore`, checkKeystoreRoute, {
      token,
      params: { id: other.id },
    });
    expect(keystore.status).toBe(404);
    const exported = await call("GET", "/sms-channels/export", exportRoute, { token, query: `?id=${other.id}` });
    expect(exported.status).toBe(404);
    // Every refusal of the hidden channel is audited; nothing else was written.
    const refused = await db().auditEvent.findMany({
      where: { actorId: actor.id, objectId: other.id, outcome: "refused" },
    });
    expect(refused.map((row) => row.action).sort()).toEqual(["modify", "modify", "view", "view", "view"]);
    const counts = await tableCounts();
    expect({ ...counts, auditEvents: before.auditEvents }).toEqual(before);
  });

  it("exports secrets in clear with ?secrets=true only where the token's owner holds export_secrets (audited)", async () => {
    const admin = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const make = async () => {
      const created = await call("POST", "/sms-channels", postChannelRoute, {
        token: admin,
        body: {
          name: channelName(),
          options: { "x-smpp-tls-mode": "mutual", "x-smpp-tls-path-to-certificate": "/opt/sms/driver.p12" },
          secrets: {
            "x-smpp-tls-certificate-file-password": { action: "replace", value: FILE_PASSWORD },
            "x-smpp-tls-certificate-password": { action: "replace", value: KEY_PASSWORD },
          },
        },
      });
      expect(created.status).toBe(201);
      return created.json as { id: string; name: string };
    };
    const mine = await make();
    const other = await make();
    const actor = await actorWithRights([
      { objectType: "sms_channel", access: "view" },
      { objectType: "sms_channel", access: "export_secrets", objectId: mine.id },
    ]);
    const token = await tokenFor(actor);
    const exported = await call("GET", "/sms-channels/export", exportRoute, {
      token,
      query: `?secrets=true&id=${mine.id}`,
    });
    expect(exported.status).toBe(200);
    expect(exported.json.content).toContain(`x-smpp-tls-certificate-password = ${KEY_PASSWORD}\n`);
    expect(exported.json.content).toContain(`x-smpp-tls-certificate-file-password = ${FILE_PASSWORD}\n`);
    const all = await call("GET", "/sms-channels/export", exportRoute, { token, query: "?format=csv&secrets=true" });
    expect(all.status).toBe(200);
    expect(all.json.content).toContain(`channel-${mine.name},x-smpp-tls-certificate-password,${KEY_PASSWORD}\r\n`);
    expect(all.json.content).not.toContain(`channel-${other.name},x-smpp-tls-certificate-password`);
    const plain = await call("GET", "/sms-channels/export", exportRoute, {
      token,
      query: `?secrets=false&id=${mine.id}`,
    });
    expect(plain.json.content).not.toContain(KEY_PASSWORD);
    const refused = await call("GET", "/sms-channels/export", exportRoute, {
      token,
      query: `?secrets=true&id=${other.id}`,
    });
    expect(refused.status).toBe(403);
    expect((await call("GET", "/sms-channels/export", exportRoute, { token, query: "?secrets=yes" })).status).toBe(400);
    const viewer = await tokenFor(await actorWithRights([{ objectType: "sms_channel", access: "view" }]));
    expect(
      (await call("GET", "/sms-channels/export", exportRoute, { token: viewer, query: "?secrets=true" })).status,
    ).toBe(403);
    const rows = await db().auditEvent.findMany({ where: { actorId: actor.id, action: "export_secrets" } });
    expect(rows.map((row) => [row.outcome, row.objectId]).sort()).toEqual(
      [
        ["refused", other.id],
        ["success", mine.id],
        ["success", mine.id],
      ].sort(),
    );
    expect(rows.find((row) => row.outcome === "success")?.viaToken).toBeTruthy();
    expect(JSON.stringify(rows)).not.toContain(KEY_PASSWORD);
    expect(JSON.stringify(rows)).not.toContain(FILE_PASSWORD);
  });
});
