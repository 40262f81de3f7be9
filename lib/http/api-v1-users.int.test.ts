// /api/v1/users through its real route handlers: the console's rules, and never a secret in a reply.
import { describe, expect, it } from "vitest";
import { DELETE as deleteUserRoute, GET as getUserRoute, PUT as putUserRoute } from "@/app/api/v1/users/[id]/route";
import { GET as listUsersRoute, POST as postUserRoute } from "@/app/api/v1/users/route";
import { db } from "../db";
import { callApi as call, tokenFor } from "../testing/api-requests";
import { actorWithRights, makeActor, makeUser, tableCounts, uniqueName } from "../testing/factories";

const SECRET_FIELDS = ["passwordHash", "totpSecretSealed", "totpPendingSealed", "totpLastStep", "password"];

describe("users", () => {
  it("creates, reads, replaces and deletes a user, without a secret field in any reply", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const logonName = uniqueName("api");
    const password = "a long enough api password 42";
    const created = await call("POST", "/users", postUserRoute, {
      token,
      body: {
        kind: "console",
        firstName: "Ada",
        lastName: "Api",
        logonName,
        email: "",
        enabled: true,
        roleIds: [],
        password,
        confirmPassword: password,
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(created.json).toMatchObject({ logonName, firstName: "Ada", version: 1, roles: [] });

    const read = await call("GET", `/users/${id}`, getUserRoute, { token, params: { id } });
    expect(read.status).toBe(200);
    expect(read.response.headers.get("etag")).toBe('W/"1"');
    expect(read.json.effectiveRights).toEqual([]);
    for (const reply of [created.json, read.json]) {
      for (const field of SECRET_FIELDS) expect(reply).not.toHaveProperty(field);
      expect(JSON.stringify(reply)).not.toContain(password);
    }

    const body = { firstName: "Ada", lastName: "Changed", logonName, email: "", enabled: true, roleIds: [] };
    expect((await call("PUT", `/users/${id}`, putUserRoute, { token, params: { id }, body })).status).toBe(428);
    const replaced = await call("PUT", `/users/${id}`, putUserRoute, { token, params: { id }, body, ifMatch: '"1"' });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ lastName: "Changed", version: 2 });
    expect(
      (await call("PUT", `/users/${id}`, putUserRoute, { token, params: { id }, body, ifMatch: '"1"' })).status,
    ).toBe(412);
    expect(
      (await call("DELETE", `/users/${id}`, deleteUserRoute, { token, params: { id }, ifMatch: '"2"' })).status,
    ).toBe(204);
    expect(await db().user.findUnique({ where: { id } })).toBeNull();
  });

  it("lists users paged and filtered like the console, and answers 400 with field errors", async () => {
    const viewer = await actorWithRights([{ objectType: "user", access: "view" }]);
    const user = await makeUser({ kind: "external" });
    const token = await tokenFor(viewer);
    const listed = await call("GET", "/users", listUsersRoute, { token, query: `?q=${user.logonName}&kind=external` });
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({ total: 1, rows: [{ id: user.id, kind: "external" }] });
    for (const field of SECRET_FIELDS) expect(listed.json.rows[0]).not.toHaveProperty(field);

    const admin = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const before = await tableCounts();
    const refused = await call("POST", "/users", postUserRoute, {
      token: admin,
      body: { kind: "console", logonName: "has space" },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toHaveProperty("logonName");
    expect(refused.json.errors).toHaveProperty("firstName");
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a viewer's change with 403 and the console's audit row", async () => {
    const viewer = await actorWithRights([{ objectType: "user", access: "view" }]);
    const user = await makeUser();
    const token = await tokenFor(viewer);
    const body = { firstName: "X", lastName: "Y", logonName: user.logonName, email: "", enabled: true, roleIds: [] };
    const refused = await call("PUT", `/users/${user.id}`, putUserRoute, {
      token,
      params: { id: user.id },
      body,
      ifMatch: `"${user.version}"`,
    });
    expect(refused.status).toBe(403);
    expect(
      await db().auditEvent.findFirst({ where: { actorId: viewer.id, outcome: "refused", objectId: user.id } }),
    ).toMatchObject({ action: "modify", viaToken: "api test" });
  });
});
