// The audit trail and record history through /api/v1: real route handlers, real Requests and tokens.
import { describe, expect, it } from "vitest";
import { GET as listAuditRoute } from "@/app/api/v1/audit/route";
import { GET as diffRoute } from "@/app/api/v1/history/[type]/[id]/diff/route";
import { POST as restoreRoute } from "@/app/api/v1/history/[type]/[id]/restore/route";
import { GET as historyRoute } from "@/app/api/v1/history/[type]/[id]/route";
import { DELETE as deleteRoleRoute, GET as getRoleRoute, PUT as putRoleRoute } from "@/app/api/v1/roles/[id]/route";
import { POST as postRoleRoute } from "@/app/api/v1/roles/route";
import { db } from "../db";
import { createMessagingService, updateMessagingService } from "../messaging/service";
import { callApi as call, tokenFor } from "../testing/api-requests";
import { actorWithRights, makeActor, uniqueName } from "../testing/factories";
import {
  createServiceRequest,
  storedCredentials,
  uniqueSecret,
  updateServiceRequest,
} from "../testing/messaging-requests";

const viewAudit = { objectType: "audit", access: "view", objectId: null } as const;

describe("GET /api/v1/audit", () => {
  it("lists the trail filtered like the audit page, with change lines and the token's name", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const token = await tokenFor(admin);
    const name = uniqueName("audited role");
    const created = await call("POST", "/roles", postRoleRoute, {
      token,
      body: { name, description: "made by a script", rights: [] },
    });
    expect(created.status).toBe(201);

    const { status, json } = await call("GET", "/audit", listAuditRoute, {
      token,
      query: `?actor=${admin.logonName}&objectType=role&action=create&outcome=success`,
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(json.rows).toEqual([
      expect.objectContaining({
        actorName: admin.logonName,
        clientAddress: null,
        viaToken: "api test",
        action: "create",
        objectType: "role",
        objectId: created.json.id,
        objectName: name,
        outcome: "success",
        detail: null,
        revisionId: expect.any(String),
      }),
    ]);
    expect(new Date(json.rows[0].at).toISOString()).toBe(json.rows[0].at);
    expect(json.rows[0].changeLines).toContainEqual({ label: "Name", text: expect.stringContaining(name) });
    expect(json.rows[0]).not.toHaveProperty("changes");

    const other = await call("GET", "/audit", listAuditRoute, {
      token,
      query: `?actor=${admin.logonName}&outcome=refused`,
    });
    expect(other.json).toMatchObject({ total: 0, rows: [] });
  });

  it("pages 25 to a page and filters by time in UTC", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const actorName = uniqueName("paged");
    await db().auditEvent.createMany({
      data: Array.from({ length: 26 }, (_, i) => ({
        actorName,
        action: "sign_in",
        at: new Date(Date.UTC(2020, 0, 1, 0, i)),
      })),
    });
    const first = await call("GET", "/audit", listAuditRoute, { token, query: `?actor=${actorName}` });
    expect(first.json).toMatchObject({ total: 26, page: 1, pageCount: 2 });
    expect(first.json.rows).toHaveLength(25);
    expect(first.json.rows[0].at).toBe("2020-01-01T00:25:00.000Z");
    const second = await call("GET", "/audit", listAuditRoute, { token, query: `?actor=${actorName}&page=2` });
    expect(second.json.rows.map((row: { at: string }) => row.at)).toEqual(["2020-01-01T00:00:00.000Z"]);
    const window = await call("GET", "/audit", listAuditRoute, {
      token,
      query: `?actor=${actorName}&from=2020-01-01T00:10&to=2020-01-01T00:12`,
    });
    expect(window.json.total).toBe(3);
  });

  it("answers 401 without a token and 403 to a token whose owner may not view the audit trail", async () => {
    expect((await call("GET", "/audit", listAuditRoute)).status).toBe(401);
    const actor = await actorWithRights([{ objectType: "role", access: "view", objectId: null }]);
    const refused = await call("GET", "/audit", listAuditRoute, { token: await tokenFor(actor) });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ status: 403, detail: "You do not have the view right on audit trail." });
    const audited = await db().auditEvent.findFirst({ where: { actorId: actor.id, outcome: "refused" } });
    expect(audited).toMatchObject({ objectType: "audit", viaToken: "api test" });
  });
});

describe("/api/v1/history", () => {
  it("lists a role's revisions, diffs two, and restores the older one with If-Match", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const name = uniqueName("history role");
    const created = await call("POST", "/roles", postRoleRoute, {
      token,
      body: { name, description: "first", rights: [viewAudit] },
    });
    const id = created.json.id as string;
    const params = { type: "role", id };
    const changed = await call("PUT", `/roles/${id}`, putRoleRoute, {
      token,
      params: { id },
      body: { name, description: "second", rights: [] },
      ifMatch: 'W/"1"',
    });
    expect(changed.status).toBe(200);

    const history = await call("GET", `/history/role/${id}`, historyRoute, { token, params });
    expect(history.status).toBe(200);
    expect(history.response.headers.get("etag")).toBe('W/"2"');
    expect(history.json).toMatchObject({ deleted: false, version: 2, mayRestore: true });
    const revisions = history.json.revisions as { id: string; version: number; action: string }[];
    expect(revisions.map((r) => [r.version, r.action])).toEqual([
      [2, "modify"],
      [1, "create"],
    ]);
    expect(history.json.revisions[0]).toMatchObject({ actorName: expect.any(String), objectName: name });
    expect(history.json.revisions[0].changeLines).toContainEqual({ label: "Description", text: "first → second" });
    const [newest, oldest] = revisions;

    const difference = await call("GET", `/history/role/${id}/diff`, diffRoute, {
      token,
      params,
      query: `?from=${oldest?.id}&to=${newest?.id}`,
    });
    expect(difference.status).toBe(200);
    expect(difference.json.from).toMatchObject({ id: oldest?.id, version: 1 });
    expect(difference.json.changeLines).toContainEqual({ label: "Description", text: "first → second" });
    const badDiff = await call("GET", `/history/role/${id}/diff`, diffRoute, { token, params, query: "?from=x" });
    expect(badDiff.status).toBe(400);

    const body = { revisionId: oldest?.id };
    expect((await call("POST", `/history/role/${id}/restore`, restoreRoute, { token, params, body })).status).toBe(428);
    const restored = await call("POST", `/history/role/${id}/restore`, restoreRoute, {
      token,
      params,
      body,
      ifMatch: 'W/"2"',
    });
    expect(restored.status).toBe(200);
    expect(restored.json).toEqual({ objectType: "role", objectId: id, version: 3 });
    expect(restored.response.headers.get("etag")).toBe('W/"3"');
    const role = await call("GET", `/roles/${id}`, getRoleRoute, { token, params: { id } });
    expect(role.json).toMatchObject({ description: "first", version: 3, rights: [viewAudit] });
    const after = await call("GET", `/history/role/${id}`, historyRoute, { token, params });
    expect(after.json.revisions[0]).toMatchObject({ version: 3, action: "restore" });

    const stale = await call("POST", `/history/role/${id}/restore`, restoreRoute, {
      token,
      params,
      body,
      ifMatch: 'W/"2"',
    });
    expect(stale.status).toBe(412);
  });

  it('brings a deleted role back with If-Match W/"0", and only revisions of the named record', async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const created = await call("POST", "/roles", postRoleRoute, {
      token,
      body: { name: uniqueName("deleted role"), description: "kept", rights: [] },
    });
    const id = created.json.id as string;
    const other = await call("POST", "/roles", postRoleRoute, {
      token,
      body: { name: uniqueName("other role"), description: "", rights: [] },
    });
    expect(
      (await call("DELETE", `/roles/${id}`, deleteRoleRoute, { token, params: { id }, ifMatch: 'W/"1"' })).status,
    ).toBe(204);
    const params = { type: "role", id };
    const history = await call("GET", `/history/role/${id}`, historyRoute, { token, params });
    expect(history.json).toMatchObject({ deleted: true, version: 0 });
    expect(history.response.headers.get("etag")).toBe('W/"0"');
    const created1 = history.json.revisions.find((r: { action: string }) => r.action === "create");

    const [otherRevision] = (
      await call("GET", `/history/role/${other.json.id}`, historyRoute, {
        token,
        params: { type: "role", id: other.json.id },
      })
    ).json.revisions;
    const foreign = await call("POST", `/history/role/${id}/restore`, restoreRoute, {
      token,
      params,
      body: { revisionId: otherRevision.id },
      ifMatch: 'W/"0"',
    });
    expect(foreign.status).toBe(404);
    const foreignDiff = await call("GET", `/history/role/${id}/diff`, diffRoute, {
      token,
      params,
      query: `?from=${otherRevision.id}&to=${created1.id}`,
    });
    expect(foreignDiff.status).toBe(404);

    const revived = await call("POST", `/history/role/${id}/restore`, restoreRoute, {
      token,
      params,
      body: { revisionId: created1.id },
      ifMatch: 'W/"0"',
    });
    expect(revived.status).toBe(200);
    expect(revived.response.headers.get("etag")).toBe('W/"2"');
    expect((await call("GET", `/roles/${id}`, getRoleRoute, { token, params: { id } })).json).toMatchObject({
      description: "kept",
    });
  });

  it("answers 404 to who may not see the record and 403 to who may see but not change it", async () => {
    const adminToken = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const created = await call("POST", "/roles", postRoleRoute, {
      token: adminToken,
      body: { name: uniqueName("guarded role"), description: "", rights: [] },
    });
    const id = created.json.id as string;
    const params = { type: "role", id };
    const [revision] = (await call("GET", `/history/role/${id}`, historyRoute, { token: adminToken, params })).json
      .revisions;

    expect((await call("GET", `/history/role/${id}`, historyRoute, { params })).status).toBe(401);
    const stranger = await tokenFor(await actorWithRights([viewAudit]));
    expect((await call("GET", `/history/role/${id}`, historyRoute, { token: stranger, params })).status).toBe(404);
    const strangerRestore = await call("POST", `/history/role/${id}/restore`, restoreRoute, {
      token: stranger,
      params,
      body: { revisionId: revision.id },
      ifMatch: 'W/"1"',
    });
    expect(strangerRestore.status).toBe(404);
    expect(
      (
        await call("GET", "/history/nothing/x", historyRoute, {
          token: adminToken,
          params: { type: "nothing", id: "x" },
        })
      ).status,
    ).toBe(404);

    const viewer = await tokenFor(await actorWithRights([{ objectType: "role", access: "view", objectId: id }]));
    const read = await call("GET", `/history/role/${id}`, historyRoute, { token: viewer, params });
    expect(read.status).toBe(200);
    expect(read.json.mayRestore).toBe(false);
    const refused = await call("POST", `/history/role/${id}/restore`, restoreRoute, {
      token: viewer,
      params,
      body: { revisionId: revision.id },
      ifMatch: 'W/"1"',
    });
    expect(refused.status).toBe(403);
    expect(await db().revision.count({ where: { objectId: id } })).toBe(1);
  });

  it("never gives out a messaging service's secret, not even sealed", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const token = await tokenFor(admin);
    const secret = uniqueSecret("first");
    const service = await createMessagingService(
      admin,
      createServiceRequest("sinchsms", { entries: [{ authId: "sinch-user", secret }] }),
    );
    const [credential] = await storedCredentials(service.id);
    const replaced = uniqueSecret("second");
    await updateMessagingService(
      admin,
      await updateServiceRequest(service.id, {
        credentials: [{ id: credential?.id, authId: "sinch-user", secret: { action: "replace", value: replaced } }],
      }),
    );
    const [stored] = await storedCredentials(service.id);
    const sealed = [credential?.secretSealed, stored?.secretSealed].filter((s): s is string => !!s);
    expect(sealed).toHaveLength(2);

    const params = { type: "messaging_service", id: service.id };
    const history = await call("GET", `/history/messaging_service/${service.id}`, historyRoute, { token, params });
    expect(history.status).toBe(200);
    const [newest, oldest] = history.json.revisions;
    expect(newest.snapshot.credentials).toEqual([{ id: credential?.id, authId: "sinch-user", secretSet: true }]);
    const difference = await call("GET", `/history/messaging_service/${service.id}/diff`, diffRoute, {
      token,
      params,
      query: `?from=${oldest.id}&to=${newest.id}`,
    });
    expect(difference.json.changeLines).toEqual([
      { label: "Authentication entry sinch-user", text: "secret replaced" },
    ]);
    const audit = await call("GET", "/audit", listAuditRoute, {
      token,
      query: `?actor=${admin.logonName}&objectType=messaging_service`,
    });
    expect(audit.json.total).toBe(2);

    for (const answer of [history, difference, audit]) {
      const text = JSON.stringify(answer.json);
      for (const hidden of [secret, replaced, ...sealed]) expect(text).not.toContain(hidden);
      expect(text).not.toContain("secretSealed");
    }
  });
});
