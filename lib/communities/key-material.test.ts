import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isOlderThanSixMonths, PRIVATE_KEY_REFUSED, parseRsaPublicKey } from "./key-material";

const rsa = (bits: number) => generateKeyPairSync("rsa", { modulusLength: bits });

describe("parseRsaPublicKey", () => {
  it("reads a 2048-bit public key: its size and the SHA-256 fingerprint of its DER form", async () => {
    const { publicKey } = rsa(2048);
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const parsed = parseRsaPublicKey(`\n${pem}\n`);
    expect(parsed).toMatchObject({ ok: true, bits: 2048, pem });
    const { createHash } = await import("node:crypto");
    const hex = createHash("sha256")
      .update(publicKey.export({ type: "spki", format: "der" }))
      .digest("hex");
    expect(parsed.ok && parsed.fingerprint.replaceAll(":", "")).toBe(hex);
  });

  it("reads a PKCS#1 RSA PUBLIC KEY too, and stores it as SPKI", () => {
    const { publicKey } = rsa(2048);
    const parsed = parseRsaPublicKey(publicKey.export({ type: "pkcs1", format: "pem" }).toString());
    expect(parsed.ok && parsed.pem.startsWith("-----BEGIN PUBLIC KEY-----")).toBe(true);
  });

  it("refuses a private key in any PEM form, with the private-key message", () => {
    const { privateKey } = rsa(2048);
    for (const type of ["pkcs8", "pkcs1"] as const) {
      const pem = privateKey.export({ type, format: "pem" }).toString();
      expect(parseRsaPublicKey(pem)).toEqual({ ok: false, message: PRIVATE_KEY_REFUSED });
    }
  });

  it("refuses keys under 2048 bits, non-RSA keys and text that is no key", () => {
    const small = rsa(1024).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(parseRsaPublicKey(small)).toMatchObject({ ok: false, message: expect.stringContaining("1024 bits") });
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" });
    expect(parseRsaPublicKey(ec.toString())).toMatchObject({ ok: false, message: expect.stringContaining("ec key") });
    expect(parseRsaPublicKey("hello")).toMatchObject({ ok: false, message: expect.stringContaining("PEM") });
    expect(parseRsaPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")).toMatchObject({
      ok: false,
      message: "This is not a readable PEM public key.",
    });
  });
});

describe("isOlderThanSixMonths", () => {
  it("flags a key added more than six months ago, not one added five months ago", () => {
    const now = new Date("2026-12-07T00:00:00Z");
    expect(isOlderThanSixMonths(new Date("2026-06-01T00:00:00Z"), now)).toBe(true);
    expect(isOlderThanSixMonths(new Date("2026-07-07T00:00:00Z"), now)).toBe(false);
  });
});
