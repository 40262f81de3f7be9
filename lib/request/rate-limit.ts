// A fixed-window rate limiter kept in memory: at most `limit` hits per key in each window of `windowMs`.
// It holds at most `maxKeys` keys; when full it drops the key whose window began first, so a flood of
// new keys costs bounded memory and can at worst give an old key a fresh budget.
// The state lives in one process: several server processes each count on their own. Use it only where
// that is acceptable (shedding load); a limit that guards a password must count in the database.

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** Most keys tracked at once (default 10,000). */
  maxKeys?: number;
  /** Milliseconds since the epoch (default Date.now); tests pass their own clock. */
  clock?: () => number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Hits left in this window after this one. */
  remaining: number;
  /** Whole seconds until the window ends, at least 1: the value for a Retry-After header. */
  retryAfterSeconds: number;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;
  private readonly clock: () => number;
  // Kept in the order the windows began (a renewed window is re-inserted), so expired keys are at the front.
  private readonly windows = new Map<string, Window>();

  constructor({ limit, windowMs, maxKeys = 10_000, clock = Date.now }: RateLimiterOptions) {
    if (!Number.isInteger(limit) || limit < 0) throw new Error("limit must be a whole number, 0 or more.");
    if (!(windowMs > 0)) throw new Error("windowMs must be positive.");
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new Error("maxKeys must be a whole number, 1 or more.");
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /** Counts one hit for the key and says whether it is within the limit. */
  hit(key: string, now: number = this.clock()): RateLimitDecision {
    const window = this.current(key, now) ?? this.open(key, now);
    // Hits past the limit are not counted further: the window ends at the same time either way.
    if (window.count < this.limit) window.count += 1;
    else return this.decision(window, now, false);
    return this.decision(window, now, true);
  }

  /** Whether the key has used up its window, without counting a hit. */
  check(key: string, now: number = this.clock()): RateLimitDecision {
    const window = this.current(key, now);
    if (!window)
      return { allowed: this.limit > 0, remaining: this.limit, retryAfterSeconds: this.secondsLeft(now, now) };
    return this.decision(window, now, window.count < this.limit);
  }

  /** Forgets the key, e.g. after a success that should clear earlier failures. */
  reset(key: string): void {
    this.windows.delete(key);
  }

  /** Keys tracked now, including expired ones not yet dropped. */
  get size(): number {
    return this.windows.size;
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    // A clock that stepped back keeps the window rather than opening a new one early.
    return window && now - window.start < this.windowMs ? window : undefined;
  }

  private open(key: string, now: number): Window {
    this.windows.delete(key);
    this.sweep(now);
    while (this.windows.size >= this.maxKeys) {
      const oldest = this.windows.keys().next();
      if (oldest.done) break;
      this.windows.delete(oldest.value);
    }
    const window = { start: now, count: 0 };
    this.windows.set(key, window);
    return window;
  }

  /** Drops expired windows from the front; stops at the first live one. */
  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start < this.windowMs) break;
      this.windows.delete(key);
    }
  }

  private decision(window: Window, now: number, allowed: boolean): RateLimitDecision {
    return {
      allowed,
      remaining: Math.max(0, this.limit - window.count),
      retryAfterSeconds: this.secondsLeft(window.start, now),
    };
  }

  private secondsLeft(start: number, now: number): number {
    return Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
  }
}
