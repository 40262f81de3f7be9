// The embedded database on its worker thread answers as PGlite in the process does: the same values, the
// same errors, the same queueing behind an open transaction; and it fails loudly when its thread dies.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { messages, PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PGliteThread, type TypeParsers } from "./pglite-thread";

const values = `SELECT 1::int8 AS a, 9007199254740993::int8 AS big, 1.50::numeric AS n,
  TIMESTAMP '2026-12-07 10:00:00.123' AS ts, TIMESTAMPTZ '2026-12-07 10:00:00+02' AS tz, DATE '2026-12-07' AS d,
  '\\x0102ff'::bytea AS b, '{"x":[1,null]}'::jsonb AS j, ARRAY['a','b"c',NULL]::text[] AS t, ARRAY[1,2]::int4[] AS i,
  ARRAY[TIMESTAMP '2026-01-01']::timestamp[] AS tsa, true AS bool, NULL::text AS nul, 'again'::text AS a,
  $1::text AS p1, $2::int AS p2, $3::bytea AS p3, $4::jsonb AS p4, $5::timestamptz AS p5, $6::text[] AS p6`;
const params = () => ["x", 7, new Uint8Array([1, 2]), { k: [true] }, new Date(Date.UTC(2026, 0, 2)), ["u", null]];
// Parsers as pglite-prisma-adapter passes them: some types kept as text, some converted.
const parsers: TypeParsers = {
  20: (text) => `int8 ${text}`,
  1184: (text) => text.split("+")[0],
  3802: (text) => text,
  17: (text) => Array.from(Buffer.from(text.slice(2), "hex")),
  1115: (text) => `timestamps ${text}`,
};

describe.skipIf(inject("testDatabase") !== "pglite")("the embedded database on a worker thread", () => {
  let thread: PGliteThread;
  let inProcess: PGlite;

  beforeAll(async () => {
    thread = new PGliteThread(undefined);
    inProcess = await PGlite.create();
    for (const db of [thread, inProcess]) await db.exec("CREATE TABLE item (name text PRIMARY KEY)");
  });
  afterAll(async () => {
    await Promise.all([thread.close(), inProcess.close()]);
  });

  it("returns the values PGlite returns in the process, with and without the caller's parsers", async () => {
    for (const options of [{}, { rowMode: "array" as const }, { parsers }, { rowMode: "array" as const, parsers }]) {
      const expected = await inProcess.query(values, params(), options);
      expect(await thread.query(values, params(), options)).toEqual(expected);
    }
  });

  it("throws PGlite's DatabaseError, with the fields PGlite gives it", async () => {
    const fail = (db: PGlite | PGliteThread) =>
      db.query("INSERT INTO item VALUES ($1), ($1)", ["twice"]).then(
        () => null,
        (error: unknown) => error,
      );
    const [error, expected] = [await fail(thread), await fail(inProcess)];
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(expected).toBeInstanceOf(messages.DatabaseError);
    const fields = (e: unknown) => {
      const { message, code, severity, detail, schema, table, constraint, query } = e as messages.DatabaseError & {
        query: string;
      };
      return { message, code, severity, detail, schema, table, constraint, query };
    };
    expect(fields(error)).toEqual(fields(expected));
    expect(fields(error)).toMatchObject({ code: "23505", constraint: "item_pkey", table: "item" });
  });

  it("commits a transaction, rolls back one that throws or rolled back, and rethrows the callback's error", async () => {
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES ($1)", ["kept"]);
    });
    const thrown = new Error("undo");
    await expect(
      thread.transaction(async (tx) => {
        await tx.exec("INSERT INTO item VALUES ('thrown')");
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    await thread.transaction(async (tx) => {
      await tx.exec("INSERT INTO item VALUES ('rolled back')");
      await tx.rollback();
    });
    const names = await thread.query<{ name: string }>("SELECT name FROM item WHERE name <> 'twice' ORDER BY name");
    expect(names.rows).toEqual([{ name: "kept" }]);
  });

  it("makes a query from outside an open transaction wait until the transaction ends", async () => {
    let outside: Promise<number> | undefined;
    await thread
      .transaction(async (tx) => {
        await tx.query("INSERT INTO item VALUES ('uncommitted')");
        outside = thread
          .query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE name = 'uncommitted'")
          .then((result) => result.rows[0]!.n);
        // Round trips to the worker during which the outside query would run if it did not wait.
        for (let i = 0; i < 5; i++) await tx.query("SELECT 1");
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await outside).toBe(0);
  });

  it("keeps what it wrote to a data directory after close, and refuses calls once closed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "switchboard-thread-"));
    try {
      const first = new PGliteThread(dir);
      await first.exec("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
      await first.close();
      await expect(first.query("SELECT 1")).rejects.toThrow("PGlite is closed");
      const second = new PGliteThread(dir);
      expect((await second.query("SELECT n FROM kept")).rows).toEqual([{ n: 42 }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails the calls waiting on a worker that dies, and every later call, instead of hanging", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "switchboard-thread-"));
    try {
      const exits = path.join(dir, "exits.mjs");
      writeFileSync(
        exits,
        `import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => process.exit(3));\n`,
      );
      const stopped = new PGliteThread(undefined, exits);
      await expect(stopped.query("SELECT 1")).rejects.toThrow("stopped (exit code 3)");
      await expect(stopped.query("SELECT 1")).rejects.toThrow("stopped (exit code 3)");

      const throws = path.join(dir, "throws.mjs");
      writeFileSync(
        throws,
        `import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => { throw new Error("boom"); });\n`,
      );
      const failed = new PGliteThread(undefined, throws);
      await expect(failed.transaction(async () => undefined)).rejects.toThrow("failed: boom");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
