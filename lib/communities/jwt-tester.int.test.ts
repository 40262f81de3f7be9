import { describe, expect, it } from "vitest";
import { POST as jwtTestRoute } from "@/app/api/v1/communities/[id]/jwt-test/route";
import { db } from "../db";
import { callApi, tokenFor } from "../testing/api-requests";
import { appError } from "../testing/app-error";
import { actorWithRights, bootstrapAdministrator, makeCommunity, tableCounts } from "../testing/factories";
import { expIn, hs256 } from "../testing/jwt";
import { testJwt } from "./jwt-tester";
import { addJwtKey } from "./service";

const SECRET = "a1b2c3d4e5f6a1b2c3d4e5f6";

describe("JWT tester", () => {
  it("decodes, names the verifying key and decides under each mode, writing nothing", async () => {
    const admin = await bootstrapAdministrator();
    const community = await makeCommunity();
    await addJwtKey(admin, { communityId: community.id, version: 1, keyId: "web", kind: "hmac", secret: SECRET });
    const before = await tableCounts();

    const good = await testJwt(admin, {
      communityId: community.id,
      token: hs256({ uuid: "v1", exp: expIn(7200) }, SECRET, { kid: "web" }),
    });
    expect(good).toMatchObject({
      verified: true,
      keyId: "web",
      currentMode: "reject",
      header: { alg: "HS256", kid: "web" },
    });
    expect(good.decisions.map((d) => [d.mode, d.accepted, d.reason])).toEqual([
      ["accept", true, null],
      ["reject", false, "signed_identity_rejected"],
      ["require", true, null],
    ]);

    const soon = await testJwt(admin, {
      communityId: community.id,
      token: hs256({ uuid: "v1", exp: expIn(60) }, SECRET, { kid: "web" }),
    });
    expect(soon).toMatchObject({ verified: false, reason: "exp_too_soon", claims: { uuid: "v1" } });
    expect(soon.decisions.map((d) => d.accepted)).toEqual([false, false, false]);
    expect(await tableCounts()).toEqual(before);
  });

  it("needs the view right on that community (404 without it); the API answers the same", async () => {
    const community = await makeCommunity();
    const other = await makeCommunity();
    const actor = await actorWithRights([{ objectType: "community", access: "view", objectId: community.id }]);
    // A community the actor may not view is answered as if it did not exist.
    expect((await appError(testJwt(actor, { communityId: other.id, token: "a.b.c" }))).code).toBe("not_found");
    const token = await tokenFor(actor);
    const reply = await callApi("POST", `/communities/${community.id}/jwt-test`, jwtTestRoute, {
      token,
      params: { id: community.id },
      body: { token: hs256({ exp: expIn(7200) }, SECRET, { kid: "web" }) },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ verified: false, reason: "unknown_kid" });
    expect(await db().auditEvent.count({ where: { objectId: community.id } })).toBe(0);
  });
});
