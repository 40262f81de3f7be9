// /api/v1 through its real route handlers, with real Requests, tokens and databases.
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getMeRoute } from "@/app/api/v1/me/route";
import { DELETE as deleteRoleRoute, GET as getRoleRoute, PUT as putRoleRoute } from "@/app/api/v1/roles/[id]/route";
import { GET as listRolesRoute, POST as postRoleRoute } from "@/app/api/v1/roles/route";
import { GET as getSettingRoute, PUT as putSettingRoute } from "@/app/api/v1/settings/[key]/route";
import { db } from "../db";
import { callApi as call, tokenFor } from "../testing/api-requests";
import { actorWithRights, makeActor, makeRole, tableCounts } from "../testing/factories";

const SETTING = "useLocalHttpAuthentication";

describe("authentication", () => {
  it("answers 401 with WWW-Authenticate and problem+json without a valid bearer token", async () => {
    for (const token of [null, "sb_not-a-real-token"]) {
      const { response, json } = await call("GET", "/me", getMeRoute, { token });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(json).toMatchObject({ status: 401, title: "Authentication required" });
    }
  });

  it("ignores a session cookie: only the bearer token authenticates", async () => {
    const { status } = await call("GET", "/me", getMeRoute, {
      headers: { Cookie: "next-auth.session-token=anything; __Secure-next-auth.session-token=anything" },
    });
    expect(status).toBe(401);
  });

  it("says who the token acts as and with which rights", async () => {
    const actor = await actorWithRights([{ objectType: "role", access: "view" }]);
    const token = await tokenFor(actor);
    const { status, json } = await call("GET", "/me", getMeRoute, { token });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: actor.id,
      logonName: actor.logonName,
      token: { name: "api test" },
      rights: [{ objectType: "role", access: "view", objectId: null }],
    });
    expect(JSON.stringify(json)).not.toContain(token);
  });
});

describe("settings", () => {
  beforeEach(async () => {
    await db().setting.deleteMany({ where: { key: SETTING } });
  });

  it("reads with an ETag and writes with If-Match; 428 without it, 412 on a stale one", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const token = await tokenFor(admin);
    const params = { key: SETTING };
    const read = await call("GET", `/settings/${SETTING}`, getSettingRoute, { token, params });
    expect(read.status).toBe(200);
    expect(read.json).toEqual({ key: SETTING, value: true, version: 0 });
    expect(read.response.headers.get("etag")).toBe('W/"0"');

    const missing = await call("PUT", `/settings/${SETTING}`, putSettingRoute, {
      token,
      params,
      body: { value: false },
    });
    expect(missing.status).toBe(428);

    const saved = await call("PUT", `/settings/${SETTING}`, putSettingRoute, {
      token,
      params,
      body: { value: false },
      ifMatch: 'W/"0"',
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ key: SETTING, value: false, version: 1 });
    expect(saved.response.headers.get("etag")).toBe('W/"1"');
    expect(
      await db().auditEvent.findFirst({
        where: { objectType: "settings", actorId: admin.id },
        orderBy: { at: "desc" },
      }),
    ).toMatchObject({ outcome: "success", viaToken: "api test" });

    const staleWrite = await call("PUT", `/settings/${SETTING}`, putSettingRoute, {
      token,
      params,
      body: { value: true },
      ifMatch: 'W/"0"',
    });
    expect(staleWrite.status).toBe(412);
    expect(staleWrite.json).toMatchObject({ status: 412, type: "urn:switchboard:problem:stale" });

    const wrongValue = await call("PUT", `/settings/${SETTING}`, putSettingRoute, {
      token,
      params,
      body: { value: "yes" },
      ifMatch: 'W/"1"',
    });
    expect(wrongValue.status).toBe(400);
    expect(wrongValue.json.errors).toEqual({ value: [expect.any(String)] });
  });

  it("answers 404 for a key that does not exist and 400 for a body that is not JSON", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    expect((await call("GET", "/settings/nope", getSettingRoute, { token, params: { key: "nope" } })).status).toBe(404);
    const broken = await call("PUT", `/settings/${SETTING}`, putSettingRoute, {
      token,
      params: { key: SETTING },
      rawBody: "{not json",
      ifMatch: '"0"',
    });
    expect(broken.status).toBe(400);
    expect(broken.json.detail).toBe("The body is not valid JSON.");
  });

  it("answers 415 for a body that is not JSON and 413 for one over the cap, before running anything", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const before = await tableCounts();
    const text = await call("PUT", `/settings/${SETTING}`, putSettingRoute, {
      token,
      params: { key: SETTING },
      rawBody: "value=false",
      headers: { "Content-Type": "text/plain" },
      ifMatch: '"0"',
    });
    expect(text.status).toBe(415);
    const huge = await call("PUT", `/settings/${SETTING}`, putSettingRoute, {
      token,
      params: { key: SETTING },
      body: { value: "x".repeat(300 * 1024) },
      ifMatch: '"0"',
    });
    expect(huge.status).toBe(413);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a read-only token's write with 403 and the console's audit row, writing nothing else", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const token = await tokenFor(admin, true);
    const before = await tableCounts();
    const refused = await call("PUT", `/settings/${SETTING}`, putSettingRoute, {
      token,
      params: { key: SETTING },
      body: { value: false },
      ifMatch: 'W/"0"',
    });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ status: 403, detail: "You do not have the modify right on settings." });
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect(await db().auditEvent.findFirst({ where: { actorId: admin.id, outcome: "refused" } })).toMatchObject({
      objectType: "settings",
      action: "modify",
      viaToken: "api test",
    });
  });
});

describe("roles", () => {
  it("creates, reads, replaces and deletes a role with versions in ETag and If-Match", async () => {
    const admin = await makeActor({ roles: ["administrator"] });
    const token = await tokenFor(admin);
    const name = `API role ${crypto.randomUUID().slice(0, 8)}`;
    const created = await call("POST", "/roles", postRoleRoute, {
      token,
      body: {
        name,
        description: "made by a script",
        rights: [{ objectType: "audit", access: "view", objectId: null }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(created.response.headers.get("location")).toBe(`/api/v1/roles/${id}`);
    expect(created.json).toMatchObject({ name, version: 1, rights: [{ objectType: "audit", access: "view" }] });

    const read = await call("GET", `/roles/${id}`, getRoleRoute, { token, params: { id } });
    expect(read.status).toBe(200);
    expect(read.response.headers.get("etag")).toBe('W/"1"');
    expect(read.json).not.toHaveProperty("users");

    const body = { name: `${name} renamed`, description: "", rights: [] };
    expect((await call("PUT", `/roles/${id}`, putRoleRoute, { token, params: { id }, body })).status).toBe(428);
    const replaced = await call("PUT", `/roles/${id}`, putRoleRoute, {
      token,
      params: { id },
      // The body cannot name another version than If-Match does.
      body: { ...body, version: 99 },
      ifMatch: 'W/"1"',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ name: `${name} renamed`, version: 2, rights: [] });
    expect(
      (await call("PUT", `/roles/${id}`, putRoleRoute, { token, params: { id }, body, ifMatch: 'W/"1"' })).status,
    ).toBe(412);

    expect((await call("DELETE", `/roles/${id}`, deleteRoleRoute, { token, params: { id } })).status).toBe(428);
    expect(
      (await call("DELETE", `/roles/${id}`, deleteRoleRoute, { token, params: { id }, ifMatch: 'W/"1"' })).status,
    ).toBe(412);
    const deleted = await call("DELETE", `/roles/${id}`, deleteRoleRoute, { token, params: { id }, ifMatch: 'W/"2"' });
    expect(deleted.status).toBe(204);
    expect(deleted.json).toBeNull();
    expect((await call("GET", `/roles/${id}`, getRoleRoute, { token, params: { id } })).status).toBe(404);
    expect(
      await db().auditEvent.findMany({
        where: { objectId: id },
        orderBy: { at: "asc" },
        select: { action: true, viaToken: true },
      }),
    ).toEqual([
      { action: "create", viaToken: "api test" },
      { action: "modify", viaToken: "api test" },
      { action: "delete", viaToken: "api test" },
    ]);
  });

  it("answers 400 with the form's field errors and writes nothing", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const before = await tableCounts();
    const { status, json, response } = await call("POST", "/roles", postRoleRoute, {
      token,
      body: { name: "", description: "x".repeat(501), rights: [] },
    });
    expect(status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(json).toMatchObject({
      status: 400,
      errors: { name: ["Enter a name."], description: ["Use at most 500 characters."] },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("lists roles paged and searched like the console's list", async () => {
    const viewer = await actorWithRights([{ objectType: "role", access: "view" }]);
    const role = await makeRole({ name: `Findable ${crypto.randomUUID().slice(0, 8)}` });
    const token = await tokenFor(viewer);
    const { status, json } = await call("GET", "/roles", listRolesRoute, {
      token,
      query: `?q=${encodeURIComponent(role.name)}`,
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ total: 1, page: 1, pageCount: 1, rows: [{ id: role.id, name: role.name }] });
  });

  it("answers 404 with an audit row to who may not view the role, 403 to a list, and 404s a role that is not there", async () => {
    const nobody = await makeActor();
    const token = await tokenFor(nobody);
    const role = await makeRole();
    // A role the actor may not view is not there for them, as in its history (lib/rights/capability.ts).
    const refused = await call("GET", `/roles/${role.id}`, getRoleRoute, { token, params: { id: role.id } });
    expect(refused.status).toBe(404);
    expect(await db().auditEvent.count({ where: { actorId: nobody.id, outcome: "refused", objectId: role.id } })).toBe(
      1,
    );
    expect((await call("GET", "/roles", listRolesRoute, { token })).status).toBe(403);

    const admin = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const missing = crypto.randomUUID();
    expect(
      (await call("GET", `/roles/${missing}`, getRoleRoute, { token: admin, params: { id: missing } })).status,
    ).toBe(404);
  });
});
