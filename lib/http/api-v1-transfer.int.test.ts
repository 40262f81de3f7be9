// /api/v1/export and /api/v1/import through their real route handlers: a download without secrets, a dry
// run that writes nothing, an import that writes all or nothing, and odd input answered with 4xx.
import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/export/route";
import { POST as importRoute } from "@/app/api/v1/import/route";
import { db } from "../db";
import { createMessagingService } from "../messaging/service";
import { callApi, tokenFor } from "../testing/api-requests";
import {
  actorWithRights,
  bootstrapAdministrator,
  makeActor,
  makeRole,
  tableCounts,
  uniqueName,
} from "../testing/factories";
import { createServiceRequest, uniqueSecret } from "../testing/messaging-requests";
import { MAX_IMPORT_BYTES } from "../transfer/files";

const doc = (areas: Record<string, unknown[]>) => ({ format: "switchboard-export", version: 1, areas });

describe("/api/v1/export", () => {
  it("downloads what the token's owner may view, without secrets", async () => {
    const admin = await bootstrapAdministrator();
    const secret = uniqueSecret("API-EXPORT");
    const service = await createMessagingService(
      admin,
      createServiceRequest("sap365", { entries: [{ authId: "sap-user", secret }] }),
    );
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const { status, json, response } = await callApi("GET", "/export", exportRoute, {
      token,
      query: `?areas=messagingServices,roles&messagingServices=${encodeURIComponent(service.name)}`,
    });
    expect(status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="switchboard-export-\d{4}-\d\d-\d\d\.json"$/,
    );
    expect(Object.keys(json.areas)).toEqual(["messagingServices", "roles"]);
    expect(json.areas.messagingServices).toEqual([
      expect.objectContaining({ name: service.name, credentials: [{ authId: "sap-user" }] }),
    ]);
    expect(JSON.stringify(json)).not.toContain(secret);
  });

  it("answers 401 without a token, 403 for an area the owner may not view, 400 for an unknown area", async () => {
    expect((await callApi("GET", "/export", exportRoute)).status).toBe(401);
    const token = await tokenFor(await actorWithRights([{ objectType: "role", access: "view" }]));
    const refused = await callApi("GET", "/export", exportRoute, { token, query: "?areas=users" });
    expect([refused.status, refused.json.detail]).toEqual([403, "You do not have the view right on users."]);
    expect((await callApi("GET", "/export", exportRoute, { token, query: "?areas=pets" })).status).toBe(400);
  });
});

describe("/api/v1/import", () => {
  it("shows an update's diff in a dry run, writes nothing, then applies it", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const exported = await callApi("GET", "/export", exportRoute, { token, query: "?areas=roles" });
    const role = await makeRole();
    const document = doc({
      roles: [...exported.json.areas.roles, { name: role.name, description: "From the API" }],
    });
    const before = await tableCounts();
    const plan = await callApi("POST", "/import", importRoute, {
      token,
      query: "?dryRun=true&policy=overwrite",
      body: document,
    });
    expect(plan.status).toBe(200);
    expect(plan.json).toMatchObject({ dryRun: true, applied: false, counts: { update: 1, error: 0 } });
    expect(plan.json.records.find((r: { key: string }) => r.key === role.name)).toMatchObject({
      action: "update",
      changes: { description: { from: "", to: "From the API" } },
    });
    expect(await tableCounts()).toEqual(before);
    const applied = await callApi("POST", "/import", importRoute, {
      token,
      query: "?policy=overwrite",
      body: document,
    });
    expect([applied.status, applied.json.applied]).toEqual([200, true]);
    expect((await db().role.findUniqueOrThrow({ where: { id: role.id } })).description).toBe("From the API");
  });

  it("refuses a failing import with 400 naming each failing record, and writes nothing", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const before = await tableCounts();
    const { status, json } = await callApi("POST", "/import", importRoute, {
      token,
      body: doc({ roles: [{ name: uniqueName("ok") }, { name: "nul\u0000name" }] }),
    });
    expect(status).toBe(400);
    expect(Object.keys(json.errors)).toEqual(["roles.1.name"]);
    expect(await tableCounts()).toEqual(before);
  });

  it("answers 403-style errors per record for an operator without rights", async () => {
    const token = await tokenFor(await actorWithRights([{ objectType: "role", access: "view" }]));
    const { status, json } = await callApi("POST", "/import", importRoute, {
      token,
      query: "?dryRun=true",
      body: doc({ roles: [{ name: uniqueName("nope") }] }),
    });
    expect(status).toBe(200);
    expect(json.records).toMatchObject([{ action: "error", message: "You do not have the create right on roles." }]);
  });

  it("answers odd input with 4xx: another format or version, a bad policy, raw NUL bytes, too large a body", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const post = (options: { query?: string; body?: unknown; rawBody?: string }) =>
      callApi("POST", "/import", importRoute, { token, ...options });
    expect((await post({ body: { ...doc({}), format: "other" } })).status).toBe(400);
    expect((await post({ body: { ...doc({}), version: 2 } })).json.detail).toMatch(/version/);
    expect((await post({ body: [] })).status).toBe(400);
    expect((await post({ query: "?policy=merge", body: doc({}) })).json.errors).toHaveProperty("policy");
    expect((await post({ query: "?dryRun=yes", body: doc({}) })).json.errors).toHaveProperty("dryRun");
    expect((await post({ rawBody: '{"format":"switchboard-export\u0000"}' })).status).toBe(400);
    const large = JSON.stringify(doc({ roles: [{ name: "x".repeat(MAX_IMPORT_BYTES) }] }));
    expect((await post({ rawBody: large })).status).toBe(413);
    expect((await callApi("POST", "/import", importRoute, { body: doc({}) })).status).toBe(401);
  });
});
