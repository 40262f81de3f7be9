import { describe, expect, it } from "vitest";
import { ExpiringSet } from "./expiring-set";

function setAt(start: number, options: { ttlMs: number; maxEntries?: number }) {
  const clock = { now: start };
  const set = new ExpiringSet({ ...options, clock: () => clock.now });
  return { set, clock };
}

describe("ExpiringSet", () => {
  it("adds a member once until it expires", () => {
    const { set, clock } = setAt(1_000, { ttlMs: 600_000 });
    expect(set.add("n1")).toBe(true);
    expect(set.add("n1")).toBe(false);
    expect(set.has("n1")).toBe(true);
    expect(set.add("n2")).toBe(true);
    clock.now += 599_999;
    expect(set.add("n1")).toBe(false);
    clock.now += 1;
    expect(set.has("n1")).toBe(false);
    expect(set.add("n1")).toBe(true);
  });

  it("drops expired members as new ones arrive", () => {
    const { set, clock } = setAt(0, { ttlMs: 1_000 });
    for (let i = 0; i < 50; i += 1) set.add(`old-${i}`);
    clock.now = 1_000;
    set.add("new");
    expect(set.size).toBe(1);
  });

  it("holds at most maxEntries members, dropping the oldest", () => {
    const { set } = setAt(0, { ttlMs: 60_000, maxEntries: 3 });
    for (const member of ["a", "b", "c", "d"]) set.add(member);
    expect(set.size).toBe(3);
    expect(set.has("a")).toBe(false);
    expect(set.has("b")).toBe(true);
    for (let i = 0; i < 10_000; i += 1) set.add(`flood-${i}`);
    expect(set.size).toBe(3);
  });

  it("refuses nonsensical options", () => {
    expect(() => new ExpiringSet({ ttlMs: 0 })).toThrow();
    expect(() => new ExpiringSet({ ttlMs: 1, maxEntries: 0 })).toThrow();
  });
});
