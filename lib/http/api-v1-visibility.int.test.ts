// 403 or 404, the same for every area (lib/rights/capability.ts): a record the token's owner may not view
// answers 404 exactly as a missing one, a record they may view but not change answers 403, and a list without
// any view right answers 403; each refusal leaves its audit row.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as restoreRoute } from "@/app/api/v1/history/[type]/[id]/restore/route";
import { GET as historyRoute } from "@/app/api/v1/history/[type]/[id]/route";
import {
  DELETE as deleteServiceRoute,
  GET as getServiceRoute,
  PUT as putServiceRoute,
} from "@/app/api/v1/messaging-services/[id]/route";
import { GET as listServicesRoute } from "@/app/api/v1/messaging-services/route";
import { DELETE as deleteRoleRoute, GET as getRoleRoute, PUT as putRoleRoute } from "@/app/api/v1/roles/[id]/route";
import { GET as listRolesRoute } from "@/app/api/v1/roles/route";
import { DELETE as deleteUserRoute, GET as getUserRoute, PUT as putUserRoute } from "@/app/api/v1/users/[id]/route";
import { GET as listUsersRoute } from "@/app/api/v1/users/route";
import { db } from "../db";
import { createMessagingService } from "../messaging/service";
import type { ObjectType } from "../rights/catalog";
import { createRole } from "../roles/service";
import { callApi as call, type Handler, tokenFor } from "../testing/api-requests";
import { actorWithRights, bootstrapAdministrator } from "../testing/factories";
import { createServiceRequest, updateServiceRequest } from "../testing/messaging-requests";
import { createRoleRequest, createUserRequest } from "../testing/requests";
import { createUser } from "../users/service";

type IdParams = { id: string };

interface AreaCase {
  objectType: ObjectType;
  path: string;
  routes: { get: Handler<IdParams>; put: Handler<IdParams>; delete: Handler<IdParams>; list: Handler<object> };
  /** A record of the area (made through its service, so it has a revision), and a valid body to save it with. */
  make: () => Promise<{ id: string; body: Record<string, unknown> }>;
}

const AREAS: AreaCase[] = [
  {
    objectType: "role",
    path: "/roles",
    routes: { get: getRoleRoute, put: putRoleRoute, delete: deleteRoleRoute, list: listRolesRoute },
    make: async () => {
      const role = await createRole(await bootstrapAdministrator(), createRoleRequest());
      return { id: role.id, body: { name: role.name, description: "changed", rights: [] } };
    },
  },
  {
    objectType: "user",
    path: "/users",
    routes: { get: getUserRoute, put: putUserRoute, delete: deleteUserRoute, list: listUsersRoute },
    make: async () => {
      const user = await createUser(await bootstrapAdministrator(), createUserRequest());
      const body = { firstName: "X", lastName: "Y", logonName: user.logonName, email: "", enabled: true, roleIds: [] };
      return { id: user.id, body };
    },
  },
  {
    objectType: "messaging_service",
    path: "/messaging-services",
    routes: { get: getServiceRoute, put: putServiceRoute, delete: deleteServiceRoute, list: listServicesRoute },
    make: async () => {
      const request = createServiceRequest("wavy");
      const service = await createMessagingService(await bootstrapAdministrator(), request);
      const { id, version: _, ...body } = await updateServiceRequest(service.id);
      return { id, body };
    },
  },
];

const refusals = (actorId: string, objectId: string) =>
  db().auditEvent.findMany({
    where: { actorId, outcome: "refused", objectId },
    select: { action: true },
    orderBy: { at: "asc" },
  });

/** The problem document without what names the request itself. */
const problemOf = (json: { status: number; title: string; detail: string }) => ({
  status: json.status,
  title: json.title,
  detail: json.detail,
});

describe.each(AREAS)("$objectType through /api/v1", ({ objectType, path, routes, make }) => {
  it("answers 404, as for a missing record, to who may not view the record, auditing each attempt", async () => {
    const record = await make();
    const other = await make();
    // The stranger sees the list (another record of the type), just not this record.
    const stranger = await actorWithRights(
      (["view", "modify", "delete"] as const).map((access) => ({ objectType, access, objectId: other.id })),
    );
    const token = await tokenFor(stranger);
    const params = { id: record.id };
    const url = `${path}/${record.id}`;

    const read = await call("GET", url, routes.get, { token, params });
    const save = await call("PUT", url, routes.put, { token, params, body: record.body, ifMatch: '"1"' });
    const remove = await call("DELETE", url, routes.delete, { token, params, ifMatch: '"1"' });
    expect([read.status, save.status, remove.status]).toEqual([404, 404, 404]);
    expect(await refusals(stranger.id, record.id)).toEqual([
      { action: "view" },
      { action: "modify" },
      { action: "delete" },
    ]);

    // Nothing tells a hidden record from one that does not exist.
    const missingId = randomUUID();
    const missing = await call("GET", `${path}/${missingId}`, routes.get, { token, params: { id: missingId } });
    expect(missing.status).toBe(404);
    expect(problemOf(missing.json)).toEqual(problemOf(read.json));

    const history = await call("GET", `/history/${objectType}/${record.id}`, historyRoute, {
      token,
      params: { type: objectType, id: record.id },
    });
    expect(history.status).toBe(404);
    expect((await call("GET", path, routes.list, { token })).status).toBe(200);
  });

  it("answers 403 with the refusal's audit row to who may view the record but not change it", async () => {
    const record = await make();
    const viewer = await actorWithRights([{ objectType, access: "view", objectId: record.id }]);
    const token = await tokenFor(viewer);
    const params = { id: record.id };
    const url = `${path}/${record.id}`;

    expect((await call("GET", url, routes.get, { token, params })).status).toBe(200);
    const save = await call("PUT", url, routes.put, { token, params, body: record.body, ifMatch: '"1"' });
    const remove = await call("DELETE", url, routes.delete, { token, params, ifMatch: '"1"' });
    expect([save.status, remove.status]).toEqual([403, 403]);
    expect(await refusals(viewer.id, record.id)).toEqual([{ action: "modify" }, { action: "delete" }]);

    const historyParams = { type: objectType, id: record.id };
    const history = await call("GET", `/history/${objectType}/${record.id}`, historyRoute, {
      token,
      params: historyParams,
    });
    expect(history.status).toBe(200);
    expect(history.json.mayRestore).toBe(false);
    expect(history.json.revisions).toHaveLength(1);
    const restore = await call("POST", `/history/${objectType}/${record.id}/restore`, restoreRoute, {
      token,
      params: historyParams,
      body: { revisionId: history.json.revisions[0].id },
      ifMatch: '"1"',
    });
    expect(restore.status).toBe(403);
    expect(await refusals(viewer.id, record.id)).toHaveLength(3);
  });

  it("answers 403 to a list without any view right on the type, and audits it", async () => {
    const nobody = await actorWithRights([{ objectType: "audit", access: "view" }]);
    const listed = await call("GET", path, routes.list, { token: await tokenFor(nobody) });
    expect(listed.status).toBe(403);
    expect(
      await db().auditEvent.count({ where: { actorId: nobody.id, outcome: "refused", objectType, action: "view" } }),
    ).toBe(1);
  });
});
