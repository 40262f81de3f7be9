// /api/v1/communities through its real route handlers: create, read with ETag, keys added and removed with
// If-Match on the community, and no reply carrying a secret that was sent.
import { describe, expect, it } from "vitest";
import { DELETE as deleteKeyRoute } from "@/app/api/v1/communities/[id]/jwt-keys/[keyId]/route";
import { POST as postKeyRoute } from "@/app/api/v1/communities/[id]/jwt-keys/route";
import { POST as jwtTestRoute } from "@/app/api/v1/communities/[id]/jwt-test/route";
import {
  DELETE as deleteCommunityRoute,
  GET as getCommunityRoute,
  PUT as putCommunityRoute,
} from "@/app/api/v1/communities/[id]/route";
import { GET as listRoute, POST as postRoute } from "@/app/api/v1/communities/route";
import { db } from "../db";
import { callApi as call, tokenFor } from "../testing/api-requests";
import { actorWithRights, makeActor, makeCommunity, tableCounts, uniqueName } from "../testing/factories";

const SECRET = "fedcba9876543210fedcba98";

describe("/api/v1/communities", () => {
  it("creates from a name, rotates keys with If-Match and never echoes the secret", async () => {
    const token = await tokenFor(await makeActor({ roles: ["administrator"] }));
    const name = uniqueName("api-community");
    const created = await call("POST", "/communities", postRoute, { token, body: { name } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name, signedIdentities: "reject", version: 1, jwtKeys: [] });
    const id = created.json.id as string;
    expect(created.response.headers.get("location")).toBe(`/api/v1/communities/${id}`);

    const requireWithoutKey = await call("PUT", `/communities/${id}`, putCommunityRoute, {
      token,
      params: { id },
      ifMatch: 'W/"1"',
      body: { name, signedIdentities: "require" },
    });
    expect(requireWithoutKey.status).toBe(400);
    expect(requireWithoutKey.json.errors).toHaveProperty("signedIdentities");

    const noIfMatch = await call("POST", `/communities/${id}/jwt-keys`, postKeyRoute, {
      token,
      params: { id },
      body: { keyId: "web", kind: "hmac", secret: SECRET },
    });
    expect(noIfMatch.status).toBe(428);
    const added = await call("POST", `/communities/${id}/jwt-keys`, postKeyRoute, {
      token,
      params: { id },
      ifMatch: 'W/"1"',
      body: { keyId: "web", kind: "hmac", secret: SECRET },
    });
    expect(added.status).toBe(201);
    expect(added.response.headers.get("etag")).toBe('W/"2"');
    expect(added.json.jwtKeys).toMatchObject([{ keyId: "web", kind: "hmac", secret: "set" }]);
    expect(JSON.stringify(added.json)).not.toContain(SECRET);

    const required = await call("PUT", `/communities/${id}`, putCommunityRoute, {
      token,
      params: { id },
      ifMatch: 'W/"2"',
      body: { name, signedIdentities: "require" },
    });
    expect(required.status).toBe(200);
    const read = await call("GET", `/communities/${id}`, getCommunityRoute, { token, params: { id } });
    expect(read.response.headers.get("etag")).toBe('W/"3"');
    expect(read.json).toMatchObject({ signedIdentities: "require", jwtKeys: [{ keyId: "web" }] });

    const lastKey = await call("DELETE", `/communities/${id}/jwt-keys/web`, deleteKeyRoute, {
      token,
      params: { id, keyId: "web" },
      ifMatch: 'W/"3"',
    });
    expect(lastKey.status).toBe(400);
    const stale = await call("DELETE", `/communities/${id}`, deleteCommunityRoute, {
      token,
      params: { id },
      ifMatch: 'W/"1"',
    });
    expect(stale.status).toBe(412);
    const deleted = await call("DELETE", `/communities/${id}`, deleteCommunityRoute, {
      token,
      params: { id },
      ifMatch: 'W/"3"',
    });
    expect(deleted.status).toBe(204);
  });

  it("lists only the communities in a scoped token's rights and refuses creating", async () => {
    const mine = await makeCommunity();
    await makeCommunity();
    const token = await tokenFor(
      await actorWithRights([{ objectType: "community", access: "view", objectId: mine.id }]),
    );
    const list = await call("GET", "/communities", listRoute, { token });
    expect(list.status).toBe(200);
    expect(list.json.rows.map((r: { id: string }) => r.id)).toEqual([mine.id]);
    const before = await tableCounts();
    const refused = await call("POST", "/communities", postRoute, { token, body: { name: uniqueName("c") } });
    expect(refused.status).toBe(403);
    const counts = await tableCounts();
    expect({ ...counts, auditEvents: before.auditEvents }).toEqual(before);
  });

  it("answers 404 for a community outside a scoped token's rights, as for none, and 403 for one it may only view", async () => {
    const seen = await makeCommunity();
    const hidden = await makeCommunity();
    const actor = await actorWithRights([{ objectType: "community", access: "view", objectId: seen.id }]);
    const token = await tokenFor(actor);
    const before = await tableCounts();
    const read = await call("GET", `/communities/${hidden.id}`, getCommunityRoute, {
      token,
      params: { id: hidden.id },
    });
    expect(read.status).toBe(404);
    // The same answer as for a community that does not exist: nothing tells the two apart.
    const missing = "00000000-0000-4000-8000-000000000000";
    const none = await call("GET", `/communities/${missing}`, getCommunityRoute, { token, params: { id: missing } });
    expect({ status: none.status, detail: none.json.detail }).toEqual({ status: 404, detail: read.json.detail });
    const change = (id: string) =>
      call("PUT", `/communities/${id}`, putCommunityRoute, {
        token,
        params: { id },
        ifMatch: 'W/"1"',
        body: { name: uniqueName("c"), signedIdentities: "accept" },
      });
    expect((await change(hidden.id)).status).toBe(404);
    expect((await change(seen.id)).status).toBe(403);
    const key = (id: string) =>
      call("POST", `/communities/${id}/jwt-keys`, postKeyRoute, {
        token,
        params: { id },
        ifMatch: 'W/"1"',
        body: { keyId: "web", kind: "hmac", secret: SECRET },
      });
    expect((await key(hidden.id)).status).toBe(404);
    expect((await key(seen.id)).status).toBe(403);
    const deleted = await call("DELETE", `/communities/${hidden.id}`, deleteCommunityRoute, {
      token,
      params: { id: hidden.id },
      ifMatch: 'W/"1"',
    });
    expect(deleted.status).toBe(404);
    const tested = await call("POST", `/communities/${hidden.id}/jwt-test`, jwtTestRoute, {
      token,
      params: { id: hidden.id },
      body: { token: "a.b.c" },
    });
    expect(tested.status).toBe(404);
    // Every refusal of the hidden community is audited; nothing else was written.
    const refused = await db().auditEvent.findMany({
      where: { actorId: actor.id, objectId: hidden.id, outcome: "refused" },
    });
    expect(refused.map((row) => row.action).sort()).toEqual(["delete", "modify", "modify", "view", "view"]);
    const counts = await tableCounts();
    expect({ ...counts, auditEvents: before.auditEvents }).toEqual(before);
  });
});
