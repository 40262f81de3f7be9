import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

function limiterAt(start: number, options: { limit: number; windowMs: number; maxKeys?: number }) {
  const clock = { now: start };
  const limiter = new RateLimiter({ ...options, clock: () => clock.now });
  return { limiter, clock };
}

describe("RateLimiter", () => {
  it("allows `limit` hits per window and refuses the next with the seconds left", () => {
    const { limiter, clock } = limiterAt(1_000_000, { limit: 3, windowMs: 60_000 });
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 60 });
    expect(limiter.hit("a").allowed).toBe(true);
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 60 });
    clock.now += 20_500;
    expect(limiter.hit("a")).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 40 });
    expect(limiter.hit("a").allowed).toBe(false);
  });

  it("opens a new window once the old one has run out", () => {
    const { limiter, clock } = limiterAt(0, { limit: 1, windowMs: 1_000 });
    expect(limiter.hit("a").allowed).toBe(true);
    clock.now = 999;
    expect(limiter.hit("a").allowed).toBe(false);
    clock.now = 1_000;
    expect(limiter.hit("a")).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 1 });
  });

  it("counts each key on its own", () => {
    const { limiter } = limiterAt(0, { limit: 1, windowMs: 60_000 });
    expect(limiter.hit("a").allowed).toBe(true);
    expect(limiter.hit("b").allowed).toBe(true);
    expect(limiter.hit("a").allowed).toBe(false);
    expect(limiter.hit("b").allowed).toBe(false);
  });

  it("checks without counting, and forgets a key on reset", () => {
    const { limiter } = limiterAt(0, { limit: 2, windowMs: 60_000 });
    expect(limiter.check("a")).toMatchObject({ allowed: true, remaining: 2 });
    limiter.hit("a");
    expect(limiter.check("a")).toMatchObject({ allowed: true, remaining: 1 });
    limiter.hit("a");
    expect(limiter.check("a")).toMatchObject({ allowed: false, remaining: 0 });
    limiter.reset("a");
    expect(limiter.check("a")).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("never allows anything with a limit of 0", () => {
    const { limiter } = limiterAt(0, { limit: 0, windowMs: 1_000 });
    expect(limiter.check("a").allowed).toBe(false);
    expect(limiter.hit("a").allowed).toBe(false);
  });

  it("takes the time of a call when given one", () => {
    const { limiter } = limiterAt(0, { limit: 1, windowMs: 1_000 });
    expect(limiter.hit("a", 5_000).allowed).toBe(true);
    expect(limiter.hit("a", 5_500).allowed).toBe(false);
    expect(limiter.hit("a", 6_000).allowed).toBe(true);
  });

  it("keeps the window when the clock steps back", () => {
    const { limiter, clock } = limiterAt(10_000, { limit: 1, windowMs: 1_000 });
    limiter.hit("a");
    clock.now = 9_000;
    expect(limiter.hit("a").allowed).toBe(false);
  });

  it("drops expired keys as new ones arrive", () => {
    const { limiter, clock } = limiterAt(0, { limit: 1, windowMs: 1_000 });
    for (let i = 0; i < 100; i += 1) limiter.hit(`old-${i}`);
    expect(limiter.size).toBe(100);
    clock.now = 1_000;
    limiter.hit("new");
    expect(limiter.size).toBe(1);
  });

  it("holds at most maxKeys keys, dropping the one whose window began first", () => {
    const { limiter, clock } = limiterAt(0, { limit: 1, windowMs: 60_000, maxKeys: 3 });
    for (const key of ["a", "b", "c"]) {
      limiter.hit(key);
      clock.now += 1;
    }
    limiter.hit("d");
    expect(limiter.size).toBe(3);
    // "a" was dropped and starts afresh; "b" is still counted.
    expect(limiter.hit("b").allowed).toBe(false);
    expect(limiter.size).toBe(3);
    for (let i = 0; i < 10_000; i += 1) limiter.hit(`flood-${i}`);
    expect(limiter.size).toBe(3);
  });

  it("refuses nonsensical options", () => {
    expect(() => new RateLimiter({ limit: -1, windowMs: 1 })).toThrow();
    expect(() => new RateLimiter({ limit: 1.5, windowMs: 1 })).toThrow();
    expect(() => new RateLimiter({ limit: 1, windowMs: 0 })).toThrow();
    expect(() => new RateLimiter({ limit: 1, windowMs: 1, maxKeys: 0 })).toThrow();
  });
});
