// A burst of saves queues for connections; one that waits longer than Prisma's default maxWait of 2 s must
// still run once a connection is free, not be rolled back unused and reported as "unavailable".
import { describe, expect, it } from "vitest";
import { db, dbAdapter } from ".";
import { POOL_SIZE } from "./adapter";

const HELD_MS = 2_500;

describe("a transaction waiting for a connection", () => {
  it("runs once one is free, even after more than 2 s", async () => {
    // PGlite has one connection; PostgreSQL's pool has POOL_SIZE.
    const holders = dbAdapter().kind === "postgres" ? POOL_SIZE : 1;
    let started = 0;
    let allHeld: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      allHeld = resolve;
    });
    const free = new Promise<void>((resolve) => setTimeout(resolve, HELD_MS));
    const holding = Array.from({ length: holders }, () =>
      dbAdapter().sql.transaction(async () => {
        started += 1;
        if (started === holders) allHeld();
        await free;
      }),
    );
    await held;

    const waitedFrom = Date.now();
    const rows = await db().$transaction((tx) => tx.$queryRaw<{ one: number }[]>`select 1 as one`);
    expect(rows).toEqual([{ one: 1 }]);
    expect(Date.now() - waitedFrom).toBeGreaterThan(2_000);
    await Promise.all(holding);
  });
});
