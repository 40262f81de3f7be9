import { describe, expect, it } from "vitest";
import { RecentVerifications, type VerifiedUser } from "./recent-verifications";

const PASSWORD = "correct-horse-battery-staple-91";
const user: VerifiedUser = {
  id: "0b6f2c1e-8d4a-4f3b-9c2d-1e5f7a9b3c4d",
  passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
  authVersion: 3,
  kind: "external",
  enabled: true,
};

function memory(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const clock = { now: 1_000_000 };
  const verifications = new RecentVerifications<string>({
    ttlMs: options.ttlMs ?? 60_000,
    maxEntries: options.maxEntries ?? 100,
    clock: () => clock.now,
  });
  return { verifications, clock };
}

describe("RecentVerifications", () => {
  it("recalls what was remembered with the same password, and nothing for another", () => {
    const { verifications } = memory();
    verifications.remember(user.id, verifications.proofOf(user, PASSWORD), "rights");

    expect(verifications.recall(user.id, verifications.proofOf(user, PASSWORD))).toBe("rights");
    expect(verifications.recall(user.id, verifications.proofOf(user, `${PASSWORD}!`))).toBeUndefined();
    expect(verifications.recall("another-user", verifications.proofOf(user, PASSWORD))).toBeUndefined();
  });

  it("holds neither the password nor anything from which it is read back", () => {
    const { verifications } = memory();
    verifications.remember(user.id, verifications.proofOf(user, PASSWORD), "rights");

    const held = verifications.held();
    expect(held).toHaveLength(1);
    const bytes = Buffer.concat(held.map((entry) => entry.proof));
    const text = JSON.stringify(held);
    for (const encoding of ["utf8", "hex", "base64", "base64url", "latin1"] as const) {
      const encoded = Buffer.from(PASSWORD, "utf8").toString(encoding);
      expect(text).not.toContain(encoded);
      expect(bytes.includes(Buffer.from(encoded, "utf8"))).toBe(false);
    }
    expect(bytes.includes(Buffer.from(PASSWORD, "utf8"))).toBe(false);
    // A keyed hash (32 bytes): not the password in any form, nor a plain hash of it.
    expect(held[0]?.proof).toHaveLength(32);
  });

  it("gives another proof when the password hash, the authentication version, the kind or the enabled flag differ", () => {
    const { verifications } = memory();
    const proof = verifications.proofOf(user, PASSWORD);
    for (const changed of [
      { ...user, passwordHash: `${user.passwordHash}x` },
      { ...user, authVersion: user.authVersion + 1 },
      { ...user, kind: "console" },
      { ...user, enabled: false },
      { ...user, id: "another-user" },
    ]) {
      expect(verifications.proofOf(changed, PASSWORD).equals(proof)).toBe(false);
    }
    expect(verifications.proofOf({ ...user }, PASSWORD).equals(proof)).toBe(true);
  });

  it("keys each process's proofs on its own: another memory gives another proof for the same input", () => {
    expect(memory().verifications.proofOf(user, PASSWORD).equals(memory().verifications.proofOf(user, PASSWORD))).toBe(
      false,
    );
  });

  it("forgets a proof once its time is over", () => {
    const { verifications, clock } = memory({ ttlMs: 60_000 });
    const proof = verifications.proofOf(user, PASSWORD);
    verifications.remember(user.id, proof, "rights");

    clock.now += 59_999;
    expect(verifications.recall(user.id, proof)).toBe("rights");
    clock.now += 1;
    expect(verifications.recall(user.id, proof)).toBeUndefined();
    expect(verifications.size).toBe(0);
  });

  it("holds at most maxEntries users, dropping the oldest", () => {
    const { verifications } = memory({ maxEntries: 2 });
    const users = ["a", "b", "c"].map((id) => ({ ...user, id }));
    for (const u of users) verifications.remember(u.id, verifications.proofOf(u, PASSWORD), u.id);

    expect(verifications.size).toBe(2);
    expect(verifications.recall("a", verifications.proofOf(users[0] as VerifiedUser, PASSWORD))).toBeUndefined();
    expect(verifications.recall("c", verifications.proofOf(users[2] as VerifiedUser, PASSWORD))).toBe("c");
  });

  it("refuses options that make no sense", () => {
    expect(() => new RecentVerifications({ ttlMs: 0, maxEntries: 1 })).toThrow();
    expect(() => new RecentVerifications({ ttlMs: 1, maxEntries: 0 })).toThrow();
  });
});
