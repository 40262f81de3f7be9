import { afterEach, describe, expect, it, vi } from "vitest";
import { randomPassword } from "./bootstrap";
import { lockedMessage, logonKeyOf } from "./sign-in";

afterEach(() => {
  vi.useRealTimers();
});

describe("logonKeyOf", () => {
  it("ignores case and surrounding spaces, and bounds the length", () => {
    expect(logonKeyOf("  Ada.Lovelace ")).toBe("ada.lovelace");
    expect(logonKeyOf("x".repeat(500))).toHaveLength(200);
  });
});

describe("lockedMessage", () => {
  it("says how many whole minutes remain, rounded up, at least one", () => {
    vi.useFakeTimers({ now: new Date("2026-03-01T10:00:00Z") });
    expect(lockedMessage(new Date("2026-03-01T10:15:00Z"))).toBe("Too many failed sign-ins. Try again in 15 minutes.");
    expect(lockedMessage(new Date("2026-03-01T10:00:20Z"))).toBe("Too many failed sign-ins. Try again in 1 minute.");
    expect(lockedMessage(new Date("2026-03-01T10:01:01Z"))).toBe("Too many failed sign-ins. Try again in 2 minutes.");
  });
});

describe("randomPassword", () => {
  it("makes 20 characters without look-alikes, different each time", () => {
    const passwords = Array.from({ length: 50 }, () => randomPassword());
    for (const password of passwords) expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
