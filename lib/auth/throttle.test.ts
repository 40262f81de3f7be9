import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  activeFailures,
  afterFailure,
  delayFor,
  isLocked,
  THROTTLE_LOCK_MS,
  THROTTLE_MAX_FAILURES,
  THROTTLE_WINDOW_MS,
  type ThrottleState,
} from "./throttle";

const T0 = new Date("2026-03-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

/** The state after n failures, one a second from T0. */
function failures(n: number): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = afterFailure(state, at(i * 1000));
  return state;
}

describe("delayFor", () => {
  it("waits nothing for the first three failures, then doubles from 250 ms up to one second", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9, 50].map(delayFor)).toEqual([0, 0, 0, 250, 500, 1000, 1000, 1000, 1000]);
  });

  it("never waits more than a second, and never less after more failures", () => {
    fc.assert(
      fc.property(fc.nat(1000), (n) => {
        expect(delayFor(n)).toBeLessThanOrEqual(1000);
        expect(delayFor(n + 1)).toBeGreaterThanOrEqual(delayFor(n));
      }),
    );
  });
});

describe("afterFailure", () => {
  it("starts a window at the first failure and counts within it", () => {
    const first = afterFailure(null, T0);
    expect(first).toEqual({ failures: 1, windowStart: T0, lockedUntil: null });
    const second = afterFailure(first, at(MINUTE));
    expect(second).toEqual({ failures: 2, windowStart: T0, lockedUntil: null });
  });

  it("locks for fifteen minutes at the tenth failure within fifteen minutes", () => {
    expect(THROTTLE_MAX_FAILURES).toBe(10);
    const nine = failures(9)!;
    expect(nine.failures).toBe(9);
    expect(nine.lockedUntil).toBeNull();
    const now = at(9000);
    const ten = afterFailure(nine, now);
    expect(ten.failures).toBe(10);
    expect(ten.lockedUntil).toEqual(new Date(now.getTime() + 15 * MINUTE));
    expect(isLocked(ten, now)).toBe(true);
    expect(isLocked(ten, at(9000 + 15 * MINUTE - 1))).toBe(true);
  });

  it("starts over when the window has run out, so ten failures spread over more than fifteen minutes do not lock", () => {
    const nine = failures(9)!;
    const late = at(THROTTLE_WINDOW_MS + 1);
    expect(activeFailures(nine, late)).toBe(0);
    expect(afterFailure(nine, late)).toEqual({ failures: 1, windowStart: late, lockedUntil: null });
  });

  it("still counts at the window's last moment", () => {
    const nine = failures(9)!;
    const edge = at(THROTTLE_WINDOW_MS);
    expect(activeFailures(nine, edge)).toBe(9);
    expect(afterFailure(nine, edge).lockedUntil).not.toBeNull();
  });
});

describe("lock expiry", () => {
  const lockedAt = at(9000);
  const locked = afterFailure(failures(9), lockedAt);
  const expiry = new Date(lockedAt.getTime() + THROTTLE_LOCK_MS);

  it("ends by itself after fifteen minutes", () => {
    expect(isLocked(locked, expiry)).toBe(false);
    expect(isLocked(locked, at(9000 + THROTTLE_LOCK_MS + 1))).toBe(false);
  });

  it("leaves no failures behind once it has ended: the next failure counts as the first", () => {
    expect(activeFailures(locked, expiry)).toBe(0);
    expect(delayFor(activeFailures(locked, expiry))).toBe(0);
    expect(afterFailure(locked, expiry)).toEqual({ failures: 1, windowStart: expiry, lockedUntil: null });
  });

  it("is not a lock without a state or without lockedUntil", () => {
    expect(isLocked(null, T0)).toBe(false);
    expect(isLocked({ failures: 5, windowStart: T0, lockedUntil: null }, T0)).toBe(false);
    expect(activeFailures(null, T0)).toBe(0);
  });
});

describe("properties", () => {
  it("a lock always ends, and within fifteen minutes of the last failure", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 * MINUTE }), { minLength: 1, maxLength: 40 }), (gaps) => {
        let state: ThrottleState | null = null;
        let now = T0;
        for (const gap of gaps) {
          now = new Date(now.getTime() + gap);
          state = afterFailure(state, now);
          // A lock comes only with the tenth counted failure.
          expect(state.lockedUntil !== null).toBe(state.failures >= THROTTLE_MAX_FAILURES);
        }
        expect(isLocked(state, new Date(now.getTime() + THROTTLE_LOCK_MS))).toBe(false);
      }),
    );
  });
});
