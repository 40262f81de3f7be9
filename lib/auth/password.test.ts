import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";

describe("password hashing", () => {
  it("uses argon2id at m=19456 KiB, t=2, p=1, with a fresh salt each time", async () => {
    const first = await hashPassword("violet-tugboat-sings-47");
    const second = await hashPassword("violet-tugboat-sings-47");
    expect(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(second).not.toBe(first);
    expect(first).not.toContain("violet-tugboat-sings-47");
  });

  it("verifies the right password and refuses any other", async () => {
    const hash = await hashPassword("violet-tugboat-sings-47");
    expect(await verifyPassword(hash, "violet-tugboat-sings-47")).toBe(true);
    expect(await verifyPassword(hash, "violet-tugboat-sings-48")).toBe(false);
    expect(await verifyPassword(hash, "Violet-tugboat-sings-47")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("answers false, without throwing, for a malformed hash", async () => {
    expect(await verifyPassword("not-a-hash", "violet-tugboat-sings-47")).toBe(false);
    expect(await verifyPassword("", "")).toBe(false);
  });

  it("refuses every password against the dummy", async () => {
    expect(await verifyAgainstDummy("switchboard-dummy-password-for-timing")).toBe(false);
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
