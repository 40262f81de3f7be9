// The audit trail and record history through /api/v1: real route handlers, real Requests and tokens.
import { describe, expect, it } from "vitest";
import { GET as listAuditRoute } from "@/app/api/v1/audit/route";
import { POST as postRoleRoute } from "@/app/api/v1/roles/route";
import { db } from "../db";
import { callApi as call, tokenFor } from "../testing/api-requests";
import { actorWithRights, makeActor, uniqueName } from "../testing/factories";

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
