import { describe, expect, it } from "vitest";
import { POST as identityRoute } from "@/app/api/communities/[community]/identity/route";
import { db } from "../db";
import { bootstrapAdministrator, makeCommunity } from "../testing/factories";
import { expIn, hs256, rs256, rsaKeyPair, unsigned } from "../testing/jwt";
import { createIdentityReceiver } from "./identity";
import { addJwtKey, removeJwtKey, updateCommunity, updateExtraValues } from "./service";

const SECRET = "00112233445566778899aabb";
const NEW_SECRET = "bbaa99887766554433221100";
const rsa = rsaKeyPair();
const identity = { uuid: "visitor-42", firstname: "Ada", extra_values: { customer_id: "C-1001" } };

async function post(community: string, body: string, contentType = "application/json") {
  const response = await identityRoute(
    new Request(`http://switchboard.test/api/communities/${encodeURIComponent(community)}/identity`, {
      method: "POST",
      headers: { "Content-Type": contentType, "X-Forwarded-For": "198.51.100.7" },
      body,
    }),
    { params: Promise.resolve({ community: encodeURIComponent(community) }) },
  );
  return { status: response.status, json: await response.json() };
}

/** A community with an HMAC key and an RSA key, in the given mode. */
async function communityWithKeys(mode: "accept" | "reject" | "require") {
  const admin = await bootstrapAdministrator();
  const community = await makeCommunity();
  await addJwtKey(admin, { communityId: community.id, version: 1, keyId: "web_hmac", kind: "hmac", secret: SECRET });
  await addJwtKey(admin, {
    communityId: community.id,
    version: 2,
    keyId: "web_rsa",
    kind: "rsa",
    publicKey: rsa.publicPem,
  });
  await updateCommunity(admin, { id: community.id, version: 3, name: community.name, signedIdentities: mode });
  return { admin, community };
}

const signed = (kid = "web_hmac", secret = SECRET) => hs256({ ...identity, exp: expIn(7200) }, secret, { kid });

describe("POST /api/communities/{id or name}/identity", () => {
  it("Require: accepts a signed identity (by id or name, HS256 or RS256), refuses a plain one", async () => {
    const { community } = await communityWithKeys("require");
    const byName = await post(community.name.toUpperCase(), JSON.stringify({ jwt: signed() }));
    expect(byName).toEqual({
      status: 200,
      json: { community: community.name, signed: true, keyId: "web_hmac", identity, fields: {}, dropped: [] },
    });
    const rsaToken = rs256({ ...identity, exp: expIn(7200) }, rsa.privateKey, { kid: "web_rsa" });
    expect((await post(community.id, rsaToken, "application/jwt")).json).toMatchObject({ keyId: "web_rsa" });
    const key = await db().communityJwtKey.findFirstOrThrow({ where: { communityId: community.id, keyId: "web_rsa" } });
    expect(key.lastVerifiedAt).not.toBeNull();

    expect(await post(community.id, JSON.stringify({ identity }))).toEqual({
      status: 403,
      json: { error: "signature_required" },
    });
  });

  it("Reject refuses a signed identity and takes a plain one; Accept takes both", async () => {
    const { community: rejecting } = await communityWithKeys("reject");
    expect(await post(rejecting.id, JSON.stringify({ jwt: signed() }))).toEqual({
      status: 403,
      json: { error: "signed_identity_rejected" },
    });
    expect((await post(rejecting.id, JSON.stringify({ identity }))).json).toMatchObject({ signed: false, identity });
    const { community: accepting } = await communityWithKeys("accept");
    expect((await post(accepting.id, JSON.stringify({ identity }))).status).toBe(200);
    expect((await post(accepting.id, JSON.stringify({ jwt: signed() }))).status).toBe(200);
  });

  it("refuses with a short reason and audits every outcome without the identity or the token", async () => {
    const { community } = await communityWithKeys("require");
    const cases: [string, number, string][] = [
      [unsigned({ ...identity, exp: expIn(7200) }, { kid: "web_hmac" }), 401, "algorithm_not_allowed"],
      [signed("nope"), 401, "unknown_kid"],
      [signed("web_hmac", NEW_SECRET), 401, "bad_signature"],
      [hs256({ ...identity, exp: expIn(600) }, SECRET, { kid: "web_hmac" }), 401, "exp_too_soon"],
      [hs256(identity, SECRET, { kid: "web_hmac" }), 401, "missing_exp"],
      [hs256({ exp: expIn(7200), uuid: 42 }, SECRET, { kid: "web_hmac" }), 400, "invalid_identity"],
    ];
    for (const [token, status, reason] of cases) {
      const reply = await post(community.id, JSON.stringify({ jwt: token }));
      expect(reply.status, reason).toBe(status);
      expect(reply.json.error, reason).toBe(reason);
      expect(JSON.stringify(reply.json)).not.toContain(token);
    }
    expect(await post(community.id, "not json")).toEqual({ status: 400, json: { error: "invalid_body" } });
    expect((await post("no-such-community", JSON.stringify({ identity }))).status).toBe(404);

    const audit = await db().auditEvent.findMany({ where: { objectId: community.id, action: "identity" } });
    expect(audit.map((a) => a.detail).sort()).toEqual(
      [
        "400 invalid_body",
        "400 invalid_identity, kid web_hmac",
        "401 algorithm_not_allowed",
        "401 bad_signature, kid web_hmac",
        "401 exp_too_soon, kid web_hmac",
        "401 missing_exp, kid web_hmac",
        "401 unknown_kid",
      ].sort(),
    );
    const text = JSON.stringify(audit);
    for (const secret of [SECRET, "visitor-42", "C-1001", "Ada"]) expect(text).not.toContain(secret);
    expect(audit.every((a) => a.clientAddress === "198.51.100.7" && a.outcome === "refused")).toBe(true);
  });

  it("rotation: old and new keys both verify, and the old one stops once removed", async () => {
    const { admin, community } = await communityWithKeys("require");
    await addJwtKey(admin, {
      communityId: community.id,
      version: 4,
      keyId: "web_2027",
      kind: "hmac",
      secret: NEW_SECRET,
    });
    expect((await post(community.id, JSON.stringify({ jwt: signed() }))).status).toBe(200);
    expect((await post(community.id, JSON.stringify({ jwt: signed("web_2027", NEW_SECRET) }))).status).toBe(200);
    await removeJwtKey(admin, { communityId: community.id, version: 5, keyId: "web_hmac" });
    expect((await post(community.id, JSON.stringify({ jwt: signed() }))).json).toEqual({ error: "unknown_kid" });
    expect((await post(community.id, JSON.stringify({ jwt: signed("web_2027", NEW_SECRET) }))).status).toBe(200);
  });

  it("limits the rate per address and community, with Retry-After", async () => {
    const community = await makeCommunity();
    const receive = createIdentityReceiver({ requestLimit: 2, requestWindowMs: 60_000, clock: Date.now });
    const request = { communityKey: community.id, contentType: "application/json", clientAddress: "192.0.2.1" };
    const body = JSON.stringify({ identity });
    expect((await receive({ ...request, body })).status).toBe(200);
    expect((await receive({ ...request, body })).status).toBe(200);
    const limited = await receive({ ...request, body });
    expect(limited).toMatchObject({ status: 429, body: { error: "rate_limited" }, headers: { "Retry-After": "60" } });
    expect((await receive({ ...request, clientAddress: "192.0.2.2", body })).status).toBe(200);
  });
});

describe("extra-value mappings at the identity endpoint", () => {
  it("fills mapped fields and says which values were dropped", async () => {
    const admin = await bootstrapAdministrator();
    const community = await makeCommunity({ signedIdentities: "accept" });
    await updateExtraValues(admin, {
      communityId: community.id,
      version: 1,
      customFields: [
        {
          label: "Customer ID",
          key: "customer_id",
          associatedType: "identity",
          type: "string",
          choices: [],
          usedForIdentityMerge: true,
          regex: "C-[0-9]{4}",
        },
      ],
      mappings: [
        { source: "extra_value", extraValueKey: "customer_id", destination: "custom:customer_id" },
        { source: "uuid", destination: "identity:notes" },
      ],
    });
    const good = await post(community.id, JSON.stringify({ identity }));
    expect(good.json).toMatchObject({
      fields: { "custom:customer_id": "C-1001", "identity:notes": "visitor-42" },
      dropped: [],
    });
    const bad = await post(
      community.id,
      JSON.stringify({ identity: { ...identity, extra_values: { customer_id: "1001; DROP" } } }),
    );
    expect(bad.json).toMatchObject({
      fields: { "identity:notes": "visitor-42" },
      dropped: [{ source: "customer_id", destination: "custom:customer_id", reason: "regex_mismatch" }],
    });
  });
});
