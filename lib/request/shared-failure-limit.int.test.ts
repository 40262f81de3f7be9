import { describe, expect, it } from "vitest";
import { db } from "../db";
import { forgetExpiredNonces, rememberNonce } from "../messaging/sinch-nonces";
import { uniqueName } from "../testing/factories";
import { SharedFailureLimit } from "./shared-failure-limit";

const WINDOW = 60_000;

describe("SharedFailureLimit", () => {
  it("locks a key at its limit until the window that its first failure opened ends", async () => {
    const limit = new SharedFailureLimit({ windowMs: WINDOW });
    const key = { key: uniqueName("name"), limit: 2 };
    const start = Date.now();

    expect(await limit.check([key], start)).toEqual([{ locked: false, retryAfterSeconds: 60 }]);
    await limit.hit([key.key], start);
    await limit.hit([key.key], start + 10_000);
    expect(await limit.check([key], start + 15_000)).toEqual([{ locked: true, retryAfterSeconds: 45 }]);
    // Another process (another limiter object) sees the same count.
    expect(await new SharedFailureLimit({ windowMs: WINDOW }).check([key], start + 59_999)).toEqual([
      { locked: true, retryAfterSeconds: 1 },
    ]);
    expect((await limit.check([key], start + WINDOW))[0]?.locked).toBe(false);

    // A failure after the window starts a new one at 1.
    await limit.hit([key.key], start + WINDOW);
    expect(await db().inboundFailure.findUnique({ where: { key: key.key } })).toMatchObject({
      failures: 1,
      windowStart: new Date(start + WINDOW),
    });
  });

  it("counts each key and applies each key's own limit", async () => {
    const limit = new SharedFailureLimit({ windowMs: WINDOW });
    const [a, b] = [uniqueName("a"), uniqueName("b")];
    const now = Date.now();
    await limit.hit([a, b], now);
    await limit.hit([a], now);

    const verdicts = await limit.check(
      [
        { key: a, limit: 2 },
        { key: b, limit: 2 },
      ],
      now,
    );
    expect(verdicts.map((v) => v.locked)).toEqual([true, false]);
  });

  it("counts every one of many failures at once", async () => {
    const limit = new SharedFailureLimit({ windowMs: WINDOW });
    const key = uniqueName("burst");
    const now = Date.now();
    await Promise.all(Array.from({ length: 20 }, () => limit.hit([key], now)));
    expect((await db().inboundFailure.findUniqueOrThrow({ where: { key } })).failures).toBe(20);
  });

  it("sweeps the rows whose window has ended, and only those", async () => {
    const limit = new SharedFailureLimit({ windowMs: WINDOW });
    const [old, current] = [uniqueName("old"), uniqueName("current")];
    const now = Date.now();
    await limit.hit([old], now - WINDOW);
    await limit.hit([current], now - WINDOW + 1);

    await limit.sweep(now);
    const left = await db().inboundFailure.findMany({ where: { key: { in: [old, current] } } });
    expect(left.map((row) => row.key)).toEqual([current]);
  });
});

describe("the Sinch nonce memory", () => {
  it("remembers a nonce per service until it expires, then takes it again", async () => {
    const [service, other] = [uniqueName("service"), uniqueName("service")];
    const now = Date.now();

    expect(await rememberNonce(service, "n-1", now, now + 1_000)).toBe(true);
    expect(await rememberNonce(service, "n-1", now + 999, now + 2_000)).toBe(false);
    expect(await rememberNonce(other, "n-1", now, now + 1_000)).toBe(true);
    expect(await rememberNonce(service, "n-1", now + 1_000, now + 2_000)).toBe(true);
    expect(await rememberNonce(service, "n-1", now + 1_500, now + 3_000)).toBe(false);
  });

  it("takes a nonce given many times at once exactly once", async () => {
    const service = uniqueName("service");
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => rememberNonce(service, "same", now, now + 1_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("forgets the expired nonces, and only those", async () => {
    const service = uniqueName("service");
    const now = Date.now();
    await rememberNonce(service, "expired", now - 2_000, now);
    await rememberNonce(service, "live", now, now + 1);

    await forgetExpiredNonces(now);
    expect((await db().sinchNonce.findMany({ where: { serviceId: service } })).map((row) => row.nonce)).toEqual([
      "live",
    ]);
  });
});
