import { describe, expect, it } from "vitest";
import { ZAddJwtKeyRequest, ZCreateCommunityRequest } from "./schemas";

const ids = { communityId: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b", version: 1 };

describe("community schemas", () => {
  it("needs only a name: signed identities default to reject", () => {
    expect(ZCreateCommunityRequest.parse({ name: " Web chat " })).toEqual({
      name: "Web chat",
      signedIdentities: "reject",
    });
    expect(ZCreateCommunityRequest.safeParse({ name: "x", signedIdentities: "maybe" }).success).toBe(false);
  });

  it("takes a Key ID of a-z, 0-9 and _ only", () => {
    const secret = "0123456789abcdef01234567";
    for (const keyId of ["web_2026", "k1", "a_b_c"]) {
      expect(ZAddJwtKeyRequest.safeParse({ ...ids, keyId, kind: "hmac", secret }).success, keyId).toBe(true);
    }
    for (const keyId of ["", "Web", "web key", "web-key", "clé"]) {
      expect(ZAddJwtKeyRequest.safeParse({ ...ids, keyId, kind: "hmac", secret }).success, keyId).toBe(false);
    }
  });

  it("takes an HMAC secret of exactly 24 characters 0-9 and a-f", () => {
    const ok = (secret: string) => ZAddJwtKeyRequest.safeParse({ ...ids, keyId: "k", kind: "hmac", secret }).success;
    expect(ok("0123456789abcdef01234567")).toBe(true);
    expect(ok("0123456789abcdef0123456")).toBe(false);
    expect(ok("0123456789abcdef012345678")).toBe(false);
    expect(ok("0123456789ABCDEF01234567")).toBe(false);
    expect(ok("0123456789abcdeg01234567")).toBe(false);
  });
});
