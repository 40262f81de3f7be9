// Sign-in throttling: failures slow the next attempt, ten in fifteen minutes lock the logon name for
// fifteen minutes. The lock always ends by itself, so nobody can lock an account out for good.
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_MAX_FAILURES = 10;
export const THROTTLE_LOCK_MS = 15 * 60_000;

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

/** Failures that still count: none once the window or a past lock has run out. */
export function activeFailures(state: ThrottleState | null, now: Date): number {
  if (!state) return 0;
  if (state.lockedUntil && state.lockedUntil <= now) return 0;
  if (now.getTime() - state.windowStart.getTime() > THROTTLE_WINDOW_MS) return 0;
  return state.failures;
}

/** Milliseconds to wait before checking the password: nothing for the first three failures, then up to a second. */
export function delayFor(failures: number): number {
  return failures < 3 ? 0 : Math.min(250 * 2 ** (failures - 3), 1000);
}

export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const failures = activeFailures(state, now);
  const windowStart = failures === 0 || !state ? now : state.windowStart;
  const next = failures + 1;
  return {
    failures: next,
    windowStart,
    lockedUntil: next >= THROTTLE_MAX_FAILURES ? new Date(now.getTime() + THROTTLE_LOCK_MS) : null,
  };
}
