// Every versioned-record endpoint of /api/v1 against one table: success, 400 with the form's own field
// errors, 401 (no token, a revoked one, a disabled owner), 403 with the console's refusal and audit row,
// 404 for an id nobody has, 412 on a stale If-Match and 428 without one. A new endpoint adds one row.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as getTokenRoute, DELETE as revokeTokenRoute } from "@/app/api/v1/api-tokens/[id]/route";
import { GET as listTokensRoute, POST as postTokenRoute } from "@/app/api/v1/api-tokens/route";
import { POST as connectionTestRoute } from "@/app/api/v1/messaging-services/[id]/connection-test/route";
import {
  DELETE as deleteServiceRoute,
  GET as getServiceRoute,
  PUT as putServiceRoute,
} from "@/app/api/v1/messaging-services/[id]/route";
import { DELETE as deleteRoleRoute, GET as getRoleRoute, PUT as putRoleRoute } from "@/app/api/v1/roles/[id]/route";
import { PUT as passwordRoute } from "@/app/api/v1/users/[id]/password/route";
import { GET as getRightsRoute, PUT as putRightsRoute } from "@/app/api/v1/users/[id]/rights/route";
import { DELETE as deleteUserRoute, GET as getUserRoute, PUT as putUserRoute } from "@/app/api/v1/users/[id]/route";
import { DELETE as secondFactorRoute } from "@/app/api/v1/users/[id]/second-factor/route";
import { ZApiTokenListResponse, ZCreatedApiTokenResponse } from "../api-tokens/api-views";
import { ZCreateApiTokenRequest } from "../api-tokens/schemas";
import { createApiToken } from "../api-tokens/service";
import { db } from "../db";
import { ZConnectionReportResponse } from "../messaging/connection-test-api-views";
import { ZUpdateMessagingServiceRequest } from "../messaging/schemas";
import { createMessagingService } from "../messaging/service";
import type { RightSpec } from "../rights/built-in-roles";
import { ZUpdateRoleRequest } from "../roles/schemas";
import { type Call, callApi, type Handler, tokenFor } from "../testing/api-requests";
import {
  actorWithRights,
  bootstrapAdministrator,
  makeActor,
  makeRole,
  makeUser,
  uniqueName,
} from "../testing/factories";
import { createServiceRequest } from "../testing/messaging-requests";
import { NEW_PASSWORD } from "../testing/requests";
import { ZSetUserRightsRequest } from "../users/direct-rights-schemas";
import { ZUserRightsResponse } from "../users/rights-api-views";
import { ZResetPasswordRequest, ZUpdateUserRequest } from "../users/schemas";

type Target = { id: string; version: number };
type Params = { id: string };

/** A fresh caller address per call, so that the many 401s below do not trip the per-address throttle. */
let address = 0;
const call = (method: string, path: string, handler: Handler<Params>, options: Call<Params> = {}) => {
  address += 1;
  return callApi(method, path, handler, {
    ...options,
    headers: { "X-Forwarded-For": `198.51.100.${address % 250}`, ...options.headers },
  });
};

interface Endpoint {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  handler: Handler<Params>;
  /** Makes the record the call acts on. */
  target: () => Promise<Target>;
  body?: (target: Target) => unknown;
  status: number;
  ifMatch?: boolean;
  /** An input the form's schema refuses, and that schema (the messages must be the form's). */
  invalid?: { body: (target: Target) => unknown; schema: z.ZodType };
  /** The answer's schema, where this branch declares it (exactly: no field beyond it). */
  response?: z.ZodType;
  /** Rights that are not enough, and the audit row the refusal writes (as the console's). */
  refused?: { rights: RightSpec[]; action: string; objectType: string };
}

const user = async (): Promise<Target> => makeUser({ roles: [] });
const role = async (): Promise<Target> => makeRole();
const service = async (): Promise<Target> =>
  // A loopback address: the connection test refuses it at once (not allowed) instead of reaching out.
  createMessagingService(
    await bootstrapAdministrator(),
    createServiceRequest("sap365", { serviceConnection: "https://127.0.0.1/send" }),
  );

const USER_VIEW: RightSpec[] = [{ objectType: "user", access: "view" }];
const SERVICE_VIEW: RightSpec[] = [{ objectType: "messaging_service", access: "view" }];

const ENDPOINTS: Endpoint[] = [
  { method: "GET", path: "/users/{id}", handler: getUserRoute, target: user, status: 200 },
  {
    method: "PUT",
    path: "/users/{id}",
    handler: putUserRoute,
    target: user,
    body: () => ({
      firstName: "Ada",
      lastName: "Changed",
      logonName: uniqueName("put"),
      email: "",
      enabled: true,
      roleIds: [],
    }),
    status: 200,
    ifMatch: true,
    invalid: { body: () => ({ logonName: "has space", email: "nope" }), schema: ZUpdateUserRequest },
    refused: { rights: USER_VIEW, action: "modify", objectType: "user" },
  },
  {
    method: "DELETE",
    path: "/users/{id}",
    handler: deleteUserRoute,
    target: user,
    status: 204,
    ifMatch: true,
    refused: { rights: USER_VIEW, action: "delete", objectType: "user" },
  },
  {
    method: "GET",
    path: "/users/{id}/rights",
    handler: getRightsRoute,
    target: user,
    status: 200,
    response: ZUserRightsResponse,
  },
  {
    method: "PUT",
    path: "/users/{id}/rights",
    handler: putRightsRoute,
    target: user,
    body: () => ({ rights: [{ objectType: "audit", access: "view", objectId: null }] }),
    status: 200,
    ifMatch: true,
    invalid: {
      body: () => ({ rights: [{ objectType: "nothing", access: "everything" }] }),
      schema: ZSetUserRightsRequest,
    },
    refused: { rights: USER_VIEW, action: "modify", objectType: "user" },
  },
  {
    method: "PUT",
    path: "/users/{id}/password",
    handler: passwordRoute,
    target: user,
    body: () => ({ password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    status: 200,
    ifMatch: true,
    invalid: { body: () => ({ password: "short", confirmPassword: "other" }), schema: ZResetPasswordRequest },
    refused: { rights: USER_VIEW, action: "modify", objectType: "user" },
  },
  {
    method: "DELETE",
    path: "/users/{id}/second-factor",
    handler: secondFactorRoute,
    target: async () => {
      const enrolled = await makeUser();
      return db().user.update({
        where: { id: enrolled.id },
        data: { totpEnabledAt: new Date(), totpSecretSealed: "sealed-for-test", version: { increment: 1 } },
      });
    },
    status: 200,
    ifMatch: true,
    refused: { rights: USER_VIEW, action: "modify", objectType: "user" },
  },
  { method: "GET", path: "/roles/{id}", handler: getRoleRoute, target: role, status: 200 },
  {
    method: "PUT",
    path: "/roles/{id}",
    handler: putRoleRoute,
    target: role,
    body: () => ({ name: uniqueName("role"), description: "changed", rights: [] }),
    status: 200,
    ifMatch: true,
    invalid: { body: () => ({ name: "", rights: "all" }), schema: ZUpdateRoleRequest },
    refused: { rights: [{ objectType: "role", access: "view" }], action: "modify", objectType: "role" },
  },
  {
    method: "DELETE",
    path: "/roles/{id}",
    handler: deleteRoleRoute,
    target: role,
    status: 204,
    ifMatch: true,
    refused: { rights: [{ objectType: "role", access: "view" }], action: "delete", objectType: "role" },
  },
  { method: "GET", path: "/messaging-services/{id}", handler: getServiceRoute, target: service, status: 200 },
  {
    method: "PUT",
    path: "/messaging-services/{id}",
    handler: putServiceRoute,
    target: service,
    body: () => ({
      name: uniqueName("svc"),
      type: "sap365",
      serviceConnection: "https://provider.example.com/changed",
      credentials: [{ authId: "sap-user", secret: { action: "replace", value: "a-replaced-secret-value" } }],
    }),
    status: 200,
    ifMatch: true,
    invalid: {
      body: () => ({ name: "", type: "sap365", serviceConnection: "ftp://x" }),
      schema: ZUpdateMessagingServiceRequest,
    },
    refused: { rights: SERVICE_VIEW, action: "modify", objectType: "messaging_service" },
  },
  {
    method: "DELETE",
    path: "/messaging-services/{id}",
    handler: deleteServiceRoute,
    target: service,
    status: 204,
    ifMatch: true,
    refused: { rights: SERVICE_VIEW, action: "delete", objectType: "messaging_service" },
  },
  {
    method: "POST",
    path: "/messaging-services/{id}/connection-test",
    handler: connectionTestRoute,
    target: service,
    status: 200,
    response: ZConnectionReportResponse,
    refused: { rights: SERVICE_VIEW, action: "modify", objectType: "messaging_service" },
  },
];

const name = (e: Endpoint) => `${e.method} ${e.path}`;
const pathOf = (e: Endpoint, id: string) => e.path.replace("{id}", id);

async function send(e: Endpoint, token: string | null, target: Target, ifMatch?: string, body?: unknown) {
  return call(e.method, pathOf(e, target.id), e.handler, {
    token,
    params: { id: target.id },
    body: body ?? e.body?.(target),
    ifMatch: ifMatch ?? (e.ifMatch ? `W/"${target.version}"` : undefined),
  });
}

describe.each(ENDPOINTS.map((e) => [name(e), e] as const))("%s", (_name, e) => {
  it("succeeds for the administrator, with the new version as ETag", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const target = await e.target();
    const { status, json, response } = await send(e, token, target);
    expect(status, JSON.stringify(json)).toBe(e.status);
    if (e.response) expect(e.response.parse(json)).toEqual(json);
    if (e.status !== 204 && e.method !== "POST") {
      expect(response.headers.get("etag")).toBe(`W/"${e.method === "GET" ? target.version : target.version + 1}"`);
    }
  });

  it("answers 401 without a token, with a revoked one and for a disabled owner", async () => {
    const owner = await makeActor({ roles: ["administrator"] });
    const target = await e.target();
    expect((await send(e, null, target)).status).toBe(401);
    const revoked = await tokenFor(owner);
    await db().apiToken.updateMany({ where: { userId: owner.id }, data: { revokedAt: new Date() } });
    expect((await send(e, revoked, target)).status).toBe(401);
    const live = await tokenFor(owner);
    await db().user.update({ where: { id: owner.id }, data: { enabled: false } });
    expect((await send(e, live, target)).status).toBe(401);
  });

  it("answers 404 for a record nobody has", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const { status } = await send(e, token, { id: randomUUID(), version: 1 });
    expect(status).toBe(404);
  });

  it.runIf(e.ifMatch)("answers 428 without If-Match and 412 on a stale one, changing nothing", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const target = await e.target();
    const revisionsBefore = await db().revision.count({ where: { objectId: target.id } });
    const missing = await call(e.method, pathOf(e, target.id), e.handler, {
      token,
      params: { id: target.id },
      body: e.body?.(target),
    });
    expect(missing.status).toBe(428);
    expect((await send(e, token, target, `W/"${target.version + 5}"`)).status).toBe(412);
    expect(await db().revision.count({ where: { objectId: target.id } })).toBe(revisionsBefore);
    expect(
      (await db().auditEvent.findMany({ where: { objectId: target.id, outcome: "success" } })).filter(
        (row) => row.viaToken === "api test",
      ),
    ).toEqual([]);
  });

  it.runIf(e.invalid)("answers 400 with the field errors of the form's own schema", async () => {
    const invalid = e.invalid;
    if (!invalid) return;
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const target = await e.target();
    const body = invalid.body(target);
    const { status, json } = await send(e, token, target, undefined, body);
    expect(status).toBe(400);
    const parsed = invalid.schema.safeParse({ ...(body as object), id: target.id, version: target.version });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(json.errors).toEqual(z.flattenError(parsed.error).fieldErrors);
  });

  it.runIf(e.refused)("answers 403 with the console's refusal and its audit row", async () => {
    const refused = e.refused;
    if (!refused) return;
    const actor = await actorWithRights(refused.rights);
    const target = await e.target();
    const { status, json } = await send(e, await tokenFor(actor), target);
    expect(status).toBe(403);
    expect(json.detail).toMatch(/^You do not have the .+ right on .+\.$/);
    expect(await db().auditEvent.findMany({ where: { actorId: actor.id, outcome: "refused" } })).toMatchObject([
      { action: refused.action, objectType: refused.objectType, objectId: target.id, viaToken: "api test" },
    ]);
  });
});

describe("api tokens", () => {
  it("creates one for oneself, its text in the 201 answer only, then lists, reads and revokes it", async () => {
    const owner = await makeActor({ roles: ["operator"] });
    const token = await tokenFor(owner);
    const body = { name: "deploy script", expiresInDays: 30, readOnly: false };
    const created = await call("POST", "/api-tokens", postTokenRoute, { token, body });
    expect(created.status).toBe(201);
    expect(ZCreatedApiTokenResponse.parse(created.json)).toEqual(created.json);
    expect(created.json).toMatchObject({ name: "deploy script", readOnly: false, owner: { id: owner.id } });
    const { id, text } = created.json as { id: string; text: string };
    expect(created.response.headers.get("location")).toBe(`/api/v1/api-tokens/${id}`);
    expect(text).toMatch(new RegExp(`^${created.json.prefix}`));

    const listed = await call("GET", "/api-tokens", listTokensRoute, { token });
    expect(ZApiTokenListResponse.parse(listed.json)).toEqual(listed.json);
    expect(listed.json.rows.map((row: { id: string }) => row.id)).toContain(id);
    const read = await call("GET", `/api-tokens/${id}`, getTokenRoute, { token, params: { id } });
    expect(read.status).toBe(200);
    for (const reply of [listed.json, read.json]) {
      expect(JSON.stringify(reply)).not.toContain(text);
      expect(JSON.stringify(reply)).not.toMatch(/tokenHash/);
    }
    // The new token works at once, and stops once revoked.
    expect((await call("GET", "/api-tokens", listTokensRoute, { token: text })).status).toBe(200);
    expect((await call("DELETE", `/api-tokens/${id}`, revokeTokenRoute, { token, params: { id } })).status).toBe(204);
    expect((await call("GET", "/api-tokens", listTokensRoute, { token: text })).status).toBe(401);
    expect(await db().auditEvent.findFirst({ where: { objectId: id, action: "revoke" } })).toMatchObject({
      actorId: owner.id,
      viaToken: "api test",
      outcome: "success",
    });
  });

  it("answers 400 with the form's field errors and 401 without a token", async () => {
    const token = await tokenFor(await makeActor({ roles: ["operator"] }));
    const body = { name: " ", expiresInDays: 0, readOnly: "no" };
    const refused = await call("POST", "/api-tokens", postTokenRoute, { token, body });
    expect(refused.status).toBe(400);
    const parsed = ZCreateApiTokenRequest.safeParse(body);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(refused.json.errors).toEqual(z.flattenError(parsed.error).fieldErrors);
    expect((await call("POST", "/api-tokens", postTokenRoute, { token: null, body })).status).toBe(401);
    expect((await call("GET", "/api-tokens", listTokensRoute, { token: null })).status).toBe(401);
  });

  it("shows others' tokens only to holders of view, lets only holders of modify revoke them, audited", async () => {
    const owner = await makeActor({ roles: ["operator"] });
    const { id } = (
      await call("POST", "/api-tokens", postTokenRoute, {
        token: await tokenFor(owner),
        body: { name: "theirs", expiresInDays: null, readOnly: true },
      })
    ).json as { id: string };
    const stranger = await actorWithRights(SERVICE_VIEW);
    const strangerToken = await tokenFor(stranger);
    expect(
      (await call("GET", `/api-tokens/${id}`, getTokenRoute, { token: strangerToken, params: { id } })).status,
    ).toBe(404);
    expect(
      (await call("DELETE", `/api-tokens/${id}`, revokeTokenRoute, { token: strangerToken, params: { id } })).status,
    ).toBe(404);
    expect(
      (await call("GET", "/api-tokens", listTokensRoute, { token: strangerToken, query: "?owner=all" })).status,
    ).toBe(403);

    const viewer = await actorWithRights([{ objectType: "api_token", access: "view" }]);
    const viewerToken = await tokenFor(viewer);
    const all = await call("GET", "/api-tokens", listTokensRoute, { token: viewerToken, query: "?owner=all" });
    expect(all.json.rows.find((row: { id: string }) => row.id === id)).toMatchObject({
      owner: { id: owner.id, logonName: owner.logonName },
    });
    const notAllowed = await call("DELETE", `/api-tokens/${id}`, revokeTokenRoute, {
      token: viewerToken,
      params: { id },
    });
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.json.detail).toBe("You do not have the modify right on api tokens.");

    const admin = await tokenFor(
      await actorWithRights([
        { objectType: "api_token", access: "view" },
        { objectType: "api_token", access: "modify" },
      ]),
    );
    expect((await call("DELETE", `/api-tokens/${id}`, revokeTokenRoute, { token: admin, params: { id } })).status).toBe(
      204,
    );
    const refusals = await db().auditEvent.findMany({ where: { objectId: id, outcome: "refused" } });
    expect(refusals.map((row) => `${row.actorId}:${row.action}`).sort()).toEqual(
      [`${stranger.id}:view`, `${stranger.id}:modify`, `${viewer.id}:modify`].sort(),
    );
  });

  it("makes a token with an expiring token end no later than it", async () => {
    const owner = await makeActor({ roles: ["operator"] });
    const { text } = await createApiToken(owner, { name: "a week", expiresInDays: 7, readOnly: false });
    const longer = await call("POST", "/api-tokens", postTokenRoute, {
      token: text,
      body: { name: "forever", expiresInDays: null, readOnly: false },
    });
    expect(longer.status).toBe(400);
    expect(longer.json.errors.expiresInDays).toEqual([
      "A token made with this token cannot outlive it: choose at most 6 days.",
    ]);
    const shorter = await call("POST", "/api-tokens", postTokenRoute, {
      token: text,
      body: { name: "a day", expiresInDays: 1, readOnly: false },
    });
    expect(shorter.status).toBe(201);
  });

  it("refuses a read-only token any token change, so it cannot mint itself a full one", async () => {
    const owner = await makeActor({ roles: ["administrator"] });
    const readOnly = await tokenFor(owner, true);
    const created = await call("POST", "/api-tokens", postTokenRoute, {
      token: readOnly,
      body: { name: "escalate", expiresInDays: null, readOnly: false },
    });
    expect(created.status).toBe(403);
    expect(await db().apiToken.count({ where: { userId: owner.id, name: "escalate" } })).toBe(0);
    expect(await db().auditEvent.findFirst({ where: { actorId: owner.id, outcome: "refused" } })).toMatchObject({
      action: "create",
      objectType: "api_token",
      viaToken: "api test",
    });
  });
});
