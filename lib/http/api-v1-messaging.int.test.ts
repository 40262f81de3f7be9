// /api/v1/messaging-services through its real route handlers: the console's rules and refusals, secrets
// write-only (no reply ever carries one that was sent), and the incoming-user flow that inbound then accepts.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as postIncomingUserRoute } from "@/app/api/v1/messaging-services/[id]/incoming-user/route";
import {
  DELETE as deleteServiceRoute,
  GET as getServiceRoute,
  PUT as putServiceRoute,
} from "@/app/api/v1/messaging-services/[id]/route";
import { GET as listServicesRoute, POST as postServiceRoute } from "@/app/api/v1/messaging-services/route";
import { db } from "../db";
import { formatBasicAuth } from "../messaging/basic-auth";
import { openCredentialSecret } from "../messaging/credential-secret";
import { createInboundReceiver } from "../messaging/inbound";
import { createMessagingService } from "../messaging/service";
import { callApi as call, tokenFor } from "../testing/api-requests";
import { actorWithRights, bootstrapAdministrator, makeActor, tableCounts, uniqueName } from "../testing/factories";
import { createServiceRequest, SINCH_OUTGOING_ID, uniqueSecret } from "../testing/messaging-requests";
import { NEW_PASSWORD } from "../testing/requests";

/** Every reply of a test, so that one search can prove no secret that was sent came back. */
function recorder() {
  const replies: unknown[] = [];
  return {
    call: async <P>(...args: Parameters<typeof call<P>>) => {
      const result = await call(...args);
      replies.push(result.json, [...result.response.headers]);
      return result;
    },
    expectNone: (secrets: string[]) => {
      const text = JSON.stringify(replies);
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(8);
        expect(text).not.toContain(secret);
      }
    },
  };
}

describe("messaging services", () => {
  it("creates, reads, replaces and deletes a service, and no reply carries a secret that was sent", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const api = recorder();
    const first = uniqueSecret("SECRET-MARKER");
    const second = uniqueSecret("SECRET-MARKER");
    const name = uniqueName("api-svc");
    const created = await api.call("POST", "/messaging-services", postServiceRoute, {
      token,
      body: {
        name,
        type: "facebook",
        serviceConnection: "https://graph.facebook.com/v21.0/me/messages",
        credentials: [{ authId: "104729381234567", secret: { action: "replace", value: first } }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(created.response.headers.get("location")).toBe(`/api/v1/messaging-services/${id}`);
    expect(created.response.headers.get("etag")).toBe('W/"1"');
    // Create and replace answer like a read: the credentials (secrets only as set) and the readiness.
    expect(created.json).toMatchObject({
      name,
      type: "facebook",
      version: 1,
      readiness: expect.any(String),
      credentials: [{ authId: "104729381234567", secret: "set" }],
    });

    const read = await api.call("GET", `/messaging-services/${id}`, getServiceRoute, { token, params: { id } });
    expect(read.status).toBe(200);
    expect(read.response.headers.get("etag")).toBe('W/"1"');
    expect(read.json).toMatchObject({ id, name, readiness: expect.any(String) });
    const [credential] = read.json.credentials;
    expect(read.json.credentials).toEqual([{ id: credential.id, authId: "104729381234567", secret: "set" }]);

    const body = {
      name,
      type: "facebook",
      serviceConnection: "https://graph.facebook.com/v22.0/me/messages",
      credentials: [
        { id: credential.id, authId: "104729381234567", secret: { action: "keep" } },
        { authId: "204729381234568", secret: { action: "replace", value: second } },
      ],
    };
    const path = `/messaging-services/${id}`;
    const missing = await api.call("PUT", path, putServiceRoute, { token, params: { id }, body });
    expect(missing.status).toBe(428);
    const replaced = await api.call("PUT", path, putServiceRoute, { token, params: { id }, body, ifMatch: '"1"' });
    expect(replaced.status).toBe(200);
    expect(replaced.response.headers.get("etag")).toBe('W/"2"');
    expect(replaced.json).toMatchObject({ serviceConnection: body.serviceConnection, version: 2 });
    expect(replaced.json.credentials.map((c: { secret: string }) => c.secret)).toEqual(["set", "set"]);
    expect(replaced.json.readiness).toBe(read.json.readiness);
    const stale = await api.call("PUT", path, putServiceRoute, { token, params: { id }, body, ifMatch: '"1"' });
    expect(stale.status).toBe(412);
    const reread = await api.call("GET", path, getServiceRoute, { token, params: { id } });
    expect(reread.json.credentials.map((c: { secret: string }) => c.secret)).toEqual(["set", "set"]);
    // "keep" kept the secret first sent; "replace" sealed the new one.
    const stored = await db().messagingCredential.findMany({
      where: { serviceId: id },
      omit: { secretSealed: false },
      orderBy: { position: "asc" },
    });
    expect(stored.map((c) => openCredentialSecret(c.id, c.secretSealed ?? ""))).toEqual([first, second]);

    expect((await api.call("DELETE", path, deleteServiceRoute, { token, params: { id } })).status).toBe(428);
    expect((await api.call("DELETE", path, deleteServiceRoute, { token, params: { id }, ifMatch: '"2"' })).status).toBe(
      204,
    );
    expect(await db().messagingService.findUnique({ where: { id } })).toBeNull();
    expect((await api.call("GET", path, getServiceRoute, { token, params: { id } })).status).toBe(404);
    api.expectNone([first, second, ...stored.map((c) => c.secretSealed ?? ""), "secretSealed"]);
  });

  it("lists services paged and filtered like the console, and answers 400 with field errors", async () => {
    const admin = await bootstrapAdministrator();
    const twilio = await createMessagingService(
      admin,
      createServiceRequest("twilio", { name: uniqueName("api-list") }),
    );
    await createMessagingService(admin, createServiceRequest("sap365", { name: `${twilio.name}-sap` }));
    const token = await tokenFor(await actorWithRights([{ objectType: "messaging_service", access: "view" }]));
    const listed = await call("GET", "/messaging-services", listServicesRoute, {
      token,
      query: `?q=${twilio.name}&type=twilio`,
    });
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({ total: 1, rows: [{ id: twilio.id, type: "twilio", credentialCount: 1 }] });
    expect(Object.keys(listed.json.rows[0]).sort()).toEqual([
      "createdAt",
      "credentialCount",
      "id",
      "name",
      "readiness",
      "serviceConnection",
      "type",
      "updatedAt",
      "version",
    ]);

    const adminToken = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const before = await tableCounts();
    const secret = uniqueSecret("SECRET-MARKER");
    const refused = await call("POST", "/messaging-services", postServiceRoute, {
      token: adminToken,
      body: {
        name: "",
        type: "twilio",
        serviceConnection: "http://plain.example.com",
        credentials: [{ authId: "has space", secret: { action: "replace", value: secret } }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.response.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.json.errors).toHaveProperty("name");
    expect(refused.json.errors).toHaveProperty("serviceConnection");
    expect(JSON.stringify(refused.json)).not.toContain(secret);
    expect(await tableCounts()).toEqual(before);
  });

  it("answers 401 without a token, 403 with the console's audit row, and 404 for an unknown service", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("twilio"));
    const params = { id: service.id };
    const path = `/messaging-services/${service.id}`;
    expect((await call("GET", path, getServiceRoute, { params })).status).toBe(401);
    expect((await call("GET", "/messaging-services", listServicesRoute, { token: "sb_not_a_token" })).status).toBe(401);

    const viewer = await actorWithRights([{ objectType: "messaging_service", access: "view" }]);
    const token = await tokenFor(viewer);
    const refused = await call("DELETE", path, deleteServiceRoute, { token, params, ifMatch: `"${service.version}"` });
    expect(refused.status).toBe(403);
    expect(refused.response.headers.get("content-type")).toBe("application/problem+json");
    expect(
      await db().auditEvent.findFirst({ where: { actorId: viewer.id, outcome: "refused", objectId: service.id } }),
    ).toMatchObject({ action: "delete", viaToken: "api test" });
    expect(await db().messagingService.findUnique({ where: { id: service.id } })).not.toBeNull();

    const unknown = randomUUID();
    const adminToken = await tokenFor(await makeActor({ roles: ["administrator"] }));
    expect(
      (
        await call("GET", `/messaging-services/${unknown}`, getServiceRoute, {
          token: adminToken,
          params: { id: unknown },
        })
      ).status,
    ).toBe(404);
  });
});

describe("incoming user", () => {
  it("creates the user for the service named by the path, and inbound accepts its Basic credentials there", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("twilio"));
    const other = await createMessagingService(admin, createServiceRequest("twilio"));
    // The bootstrap administrator must change its password first, so its token would not act.
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const logonName = uniqueName("api-inbound");
    const created = await call("POST", `/messaging-services/${service.id}/incoming-user`, postIncomingUserRoute, {
      token,
      params: { id: service.id },
      // A serviceId in the body cannot redirect the flow: the path names the service.
      body: {
        serviceId: other.id,
        firstName: "Inbound",
        lastName: "Gateway",
        logonName,
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), logonName });
    expect(created.response.headers.get("location")).toBe(`/api/v1/users/${created.json.id}`);
    expect(JSON.stringify(created.json)).not.toContain(NEW_PASSWORD);

    const deliver = async (serviceId: string) => {
      const headers = new Headers({ authorization: formatBasicAuth({ logonName, password: NEW_PASSWORD }) });
      const receive = createInboundReceiver();
      return (await receive({ serviceKey: serviceId, headers, rawBody: "{}", clientAddress: "192.0.2.41" })).status;
    };
    expect(await deliver(service.id)).toBe(202);
    expect(await deliver(other.id)).toBe(403);
  });

  it("refuses with 403 and the console's audit row one who may not grant Use on the service", async () => {
    const admin = await bootstrapAdministrator();
    const service = await createMessagingService(admin, createServiceRequest("twilio"));
    const actor = await actorWithRights([
      { objectType: "user", access: "create" },
      { objectType: "user", access: "manage_rights" },
      { objectType: "messaging_service", access: "view" },
    ]);
    const logonName = uniqueName("api-inbound");
    const token = await tokenFor(actor);
    const before = await tableCounts();
    const refused = await call("POST", `/messaging-services/${service.id}/incoming-user`, postIncomingUserRoute, {
      token,
      params: { id: service.id },
      body: { firstName: "A", lastName: "B", logonName, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(refused.status).toBe(403);
    expect(await db().user.count({ where: { logonName } })).toBe(0);
    const refusals = await db().auditEvent.findMany({ where: { actorId: actor.id, outcome: "refused" } });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ viaToken: "api test" });
    const after = await tableCounts();
    // The refusal adds its one audit row and nothing else.
    expect({ ...after, auditEvents: after.auditEvents - 1 }).toEqual(before);
  });

  it("answers 400 with field errors, and 400 for a type that does not authenticate callers as users", async () => {
    const admin = await bootstrapAdministrator();
    // The bootstrap administrator must change its password first, so its token would not act.
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const twilio = await createMessagingService(admin, createServiceRequest("twilio"));
    const bad = await call("POST", `/messaging-services/${twilio.id}/incoming-user`, postIncomingUserRoute, {
      token,
      params: { id: twilio.id },
      body: { firstName: "", lastName: "X", logonName: "has space", password: "short", confirmPassword: "other" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toHaveProperty("logonName");

    const sinch = await createMessagingService(
      admin,
      createServiceRequest("sinchconversation", { entries: [{ authId: SINCH_OUTGOING_ID, secret: uniqueSecret() }] }),
    );
    const logonName = uniqueName("api-inbound");
    const refused = await call("POST", `/messaging-services/${sinch.id}/incoming-user`, postIncomingUserRoute, {
      token,
      params: { id: sinch.id },
      body: { firstName: "A", lastName: "B", logonName, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(refused.status).toBe(400);
    expect(await db().user.count({ where: { logonName } })).toBe(0);
  });
});
