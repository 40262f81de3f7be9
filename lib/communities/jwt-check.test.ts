import { describe, expect, it } from "vitest";
import { expIn, hs256, rs256, rsaKeyPair, unsigned } from "../testing/jwt";
import { checkJwt, type VerifyingKey } from "./jwt-check";

const SECRET = "0123456789abcdef01234567";
const rsa = rsaKeyPair();
const other = rsaKeyPair();
const keys: VerifyingKey[] = [
  { keyId: "web_hmac", kind: "hmac", material: SECRET },
  { keyId: "web_rsa", kind: "rsa", material: rsa.publicPem },
];
const claims = (exp: number | null = expIn(7200)) => ({
  uuid: "visitor-1",
  firstname: "Ada",
  ...(exp === null ? {} : { exp }),
});

describe("checkJwt", () => {
  it("accepts HS256 with the 24 characters as the key, and RS256 with the public key, by kid", async () => {
    const hmac = await checkJwt(hs256(claims(), SECRET, { kid: "web_hmac" }), keys);
    expect(hmac).toMatchObject({ ok: true, keyId: "web_hmac", claims: { uuid: "visitor-1" } });
    const signed = await checkJwt(rs256(claims(), rsa.privateKey, { kid: "web_rsa" }), keys);
    expect(signed).toMatchObject({ ok: true, keyId: "web_rsa" });
  });

  it("refuses the secret decoded as hex (the key is the text itself)", async () => {
    const token = hs256(claims(), Buffer.from(SECRET, "hex").toString("latin1"), { kid: "web_hmac" });
    expect(await checkJwt(token, keys)).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("refuses alg none and every other algorithm", async () => {
    expect(await checkJwt(unsigned(claims(), { kid: "web_hmac" }), keys)).toMatchObject({
      ok: false,
      reason: "algorithm_not_allowed",
    });
    for (const alg of ["HS512", "RS512", "ES256", "PS256"]) {
      const token = hs256(claims(), SECRET, { kid: "web_hmac", alg });
      expect(await checkJwt(token, keys), alg).toMatchObject({ ok: false, reason: "algorithm_not_allowed" });
    }
  });

  it("refuses an algorithm that does not match the key's type (RS256 public key used as an HMAC secret)", async () => {
    const confused = hs256(claims(), rsa.publicPem, { kid: "web_rsa" });
    expect(await checkJwt(confused, keys)).toMatchObject({ ok: false, reason: "algorithm_key_mismatch" });
    const wrongKind = rs256(claims(), rsa.privateKey, { kid: "web_hmac" });
    expect(await checkJwt(wrongKind, keys)).toMatchObject({ ok: false, reason: "algorithm_key_mismatch" });
  });

  it("refuses a missing or unknown kid, a bad signature and a malformed token", async () => {
    expect(await checkJwt(hs256(claims(), SECRET), keys)).toMatchObject({ reason: "missing_kid" });
    expect(await checkJwt(hs256(claims(), SECRET, { kid: "gone" }), keys)).toMatchObject({ reason: "unknown_kid" });
    expect(await checkJwt(rs256(claims(), other.privateKey, { kid: "web_rsa" }), keys)).toMatchObject({
      reason: "bad_signature",
      keyId: "web_rsa",
    });
    expect(await checkJwt(hs256(claims(), "ffffffffffffffffffffffff", { kid: "web_hmac" }), keys)).toMatchObject({
      reason: "bad_signature",
    });
    for (const token of ["", "abc", "a.b", '{"uuid":"x"}', "a.b.c.d"]) {
      expect(await checkJwt(token, keys), token).toMatchObject({ ok: false, reason: "malformed_token" });
    }
  });

  it("requires exp, at least one hour ahead at the time of the check", async () => {
    const now = Date.UTC(2026, 11, 7, 12);
    const at = (exp: number | null) => checkJwt(hs256(claims(exp), SECRET, { kid: "web_hmac" }), keys, now);
    expect(await at(null)).toMatchObject({ reason: "missing_exp" });
    expect(await at(expIn(3599, now))).toMatchObject({ reason: "exp_too_soon" });
    expect(await at(expIn(-10, now))).toMatchObject({ reason: "exp_too_soon" });
    expect(await at(expIn(3600, now))).toMatchObject({ ok: true });
  });
});
