import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decode, derivedKey, encode, readSessionToken } from "./session-token";

const secret = "a-test-secret-of-some-length";
const token = { sub: "user-1", av: 3, at: 1_700_000_000, sid: "session-1" };

describe("session cookie tokens", () => {
  it("are read by next-auth's own decode, and read next-auth's tokens", async () => {
    expect(await nextAuthDecode({ token: await encode({ token, secret, maxAge: 60 }), secret })).toMatchObject(token);
    expect(await decode({ token: await nextAuthEncode({ token, secret, maxAge: 60 }), secret })).toMatchObject(token);
  });

  it("expire after maxAge and carry a fresh id each time", async () => {
    const before = Math.floor(Date.now() / 1000);
    const first = await decode({ token: await encode({ token, secret, maxAge: 60 }), secret });
    const second = await decode({ token: await encode({ token, secret, maxAge: 60 }), secret });
    expect(first?.exp).toBeGreaterThanOrEqual(before + 60);
    expect(first?.exp).toBeLessThanOrEqual(before + 61);
    expect(first?.jti).not.toBe(second?.jti);
  });

  it("refuse a token made with another secret or altered", async () => {
    const sealed = await encode({ token, secret, maxAge: 60 });
    await expect(decode({ token: sealed, secret: "another-secret" })).rejects.toThrow();
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith("AA") ? "BB" : "AA"}`;
    await expect(decode({ token: altered, secret })).rejects.toThrow();
    expect(await decode({ token: undefined, secret })).toBeNull();
  });

  it("derive the key once per secret and salt", () => {
    expect(derivedKey(secret)).toBe(derivedKey(secret));
    expect(derivedKey(secret)).not.toEqual(derivedKey("another-secret"));
    expect(derivedKey(secret, "salt")).not.toEqual(derivedKey(secret));
  });

  it("read from a cookie: null when missing, forged, altered or expired", async () => {
    const sealed = await encode({ token, secret, maxAge: 60 });
    expect(await readSessionToken(sealed, secret)).toMatchObject(token);
    expect(await readSessionToken(undefined, secret)).toBeNull();
    expect(await readSessionToken(await encode({ token, secret: "another-secret", maxAge: 60 }), secret)).toBeNull();
    expect(await readSessionToken(`${sealed.slice(0, -2)}${sealed.endsWith("AA") ? "BB" : "AA"}`, secret)).toBeNull();
    // Past its expiry and the 15 s of clock tolerance.
    expect(await readSessionToken(await encode({ token, secret, maxAge: -20 }), secret)).toBeNull();
    expect(await readSessionToken("not a token", secret)).toBeNull();
  });
});
