// A fixed-window limit on failures kept in the database (the InboundFailure table), so that every server
// process on one database counts the same failures: a window of `windowMs` opens at a key's first failure,
// and once the key has its limit of failures in it, the key is locked until the window ends.
// The same rules as RateLimiter, which counts in one process's memory.
import { db } from "../db";

export interface SharedFailureLimitOptions {
  windowMs: number;
}

export interface LimitedKey {
  key: string;
  /** Failures in one window that lock the key. */
  limit: number;
}

export interface FailureVerdict {
  locked: boolean;
  /** Whole seconds until the window ends, at least 1: the value for a Retry-After header. */
  retryAfterSeconds: number;
}

export interface FailureRow {
  failures: number;
  windowStart: Date;
}

export class SharedFailureLimit {
  readonly windowMs: number;

  constructor({ windowMs }: SharedFailureLimitOptions) {
    if (!(windowMs > 0)) throw new Error("windowMs must be positive.");
    this.windowMs = windowMs;
  }

  /** Each key's verdict, in one query; keys without failures in a current window are not locked. */
  async check(keys: readonly LimitedKey[], now: number): Promise<FailureVerdict[]> {
    const rows = await db().inboundFailure.findMany({ where: { key: { in: keys.map(({ key }) => key) } } });
    return keys.map(({ key, limit }) => this.verdict(rows.find((r) => r.key === key) ?? null, limit, now));
  }

  /** The verdict on a key's row as read (null: no row), for callers that read it with other things. */
  verdict(row: FailureRow | null, limit: number, now: number): FailureVerdict {
    const start = row?.windowStart.getTime() ?? now;
    // A clock that stepped back keeps the window rather than opening a new one early.
    const current = !!row && now - start < this.windowMs;
    return {
      locked: current && row.failures >= limit,
      retryAfterSeconds: Math.max(1, Math.ceil((start + this.windowMs - now) / 1000)),
    };
  }

  /** Counts one failure for each key, in one statement: a window that has ended starts again at 1. */
  async hit(keys: readonly string[], now: number): Promise<void> {
    const at = new Date(now);
    const ended = new Date(now - this.windowMs);
    for (const key of new Set(keys)) {
      await db().$executeRaw`
        INSERT INTO "InboundFailure" ("key", "failures", "windowStart") VALUES (${key}, 1, ${at})
        ON CONFLICT ("key") DO UPDATE SET
          "failures" = CASE WHEN "InboundFailure"."windowStart" <= ${ended} THEN 1 ELSE "InboundFailure"."failures" + 1 END,
          "windowStart" = CASE WHEN "InboundFailure"."windowStart" <= ${ended} THEN ${at} ELSE "InboundFailure"."windowStart" END`;
    }
  }

  /** Drops the rows whose window has ended: they lock nothing and would start again at 1. */
  async sweep(now: number): Promise<number> {
    const { count } = await db().inboundFailure.deleteMany({
      where: { windowStart: { lte: new Date(now - this.windowMs) } },
    });
    return count;
  }
}
